package org.clinicalingest.ner.corenlp.internal;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.util.CoreMap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.clinicalingest.spi.PhiSpan;
import org.clinicalingest.spi.PhiType;

/**
 * Finds the name, place and organisation spans of one text with the shared CoreNLP model.
 *
 * <p>Design: the fastest path that kept quality in our measurements is CoreNLP's tokenizer and
 * sentence splitter followed by {@code CRFClassifier#classifySentence} on each sentence's tokens,
 * with no {@code pos}, {@code lemma}, SUTime, numeric or fine-grained annotators, and one
 * classifier instead of the default three. Before the model, text written in one case gets its case
 * restored (same length, so offsets hold), and a text with no candidate word can skip the model.
 * After it, consecutive tokens with the same label form one span; a span whose every token lies
 * inside an allow-listed clinical term is dropped ("Parkinson", "Glasgow Coma Scale"), and so is a
 * place that is not PHI under Safe Harbor (a state or country). Offsets come from CoreNLP's tokens,
 * which are UTF-16 indexes into the text. Title and relation words the model pulls into a name
 * ("Mother Keisha Brown") are trimmed off, and a capitalised word right after a relation ("daughter
 * Hope") is a name even when the model misses it. Immutable and thread-safe.
 */
public final class EntityFinder {

  private final SharedModel model;
  private final Set<PhiType> categories;
  private final TermMatcher allowList;
  private final TermMatcher nonPhiPlaces;
  private final CaseRestorer caseRestorer;
  private final boolean restoreCase;
  private final boolean skipTextsWithoutCandidates;

  /**
   * A finder reporting {@code categories} (of NAME, LOCATION, ORGANIZATION).
   *
   * @param model the loaded model
   * @param categories the span types to report
   * @param allowList clinical terms never reported
   * @param nonPhiPlaces places never reported as LOCATION
   * @param restoreCase whether to restore the case of text written in one case
   * @param skipTextsWithoutCandidates whether to skip the model for texts without a candidate word
   */
  public EntityFinder(
      SharedModel model,
      Set<PhiType> categories,
      TermMatcher allowList,
      TermMatcher nonPhiPlaces,
      boolean restoreCase,
      boolean skipTextsWithoutCandidates) {
    this.model = model;
    this.categories = EnumSet.copyOf(categories);
    this.allowList = allowList;
    this.nonPhiPlaces = nonPhiPlaces;
    this.caseRestorer = new CaseRestorer(model::caseForm);
    this.restoreCase = restoreCase;
    this.skipTextsWithoutCandidates = skipTextsWithoutCandidates;
  }

  /** The spans to redact in {@code text}, in text order. */
  public List<PhiSpan> find(String text) {
    Words words = Words.of(text);
    String modelText = restoreCase ? caseRestorer.restore(words) : text;
    Words modelWords = modelText.equals(text) ? words : Words.of(modelText);
    List<int[]> allowed = allowList.find(modelWords);
    if (skipTextsWithoutCandidates && !Candidates.any(modelWords, allowed, model::caseForm)) {
      return List.of();
    }
    Annotation document = new Annotation(modelText);
    model.tokenizer().annotate(document);
    List<PhiSpan> spans = new ArrayList<>();
    for (CoreMap sentence : document.get(CoreAnnotations.SentencesAnnotation.class)) {
      List<CoreLabel> labelled =
          model.classifier().classifySentence(sentence.get(CoreAnnotations.TokensAnnotation.class));
      collect(labelled, modelText, allowed, spans);
    }
    if (categories.contains(PhiType.NAME)) {
      addNamesAfterRelations(modelWords, allowed, spans);
      spans.sort(Comparator.comparingInt(PhiSpan::start));
    }
    return spans;
  }

  /**
   * Adds capitalised words right after a relation ("daughter Hope", "wife Joy") that the model
   * missed: names that are also common words are where the model fails most, and this context makes
   * them names.
   */
  private static void addNamesAfterRelations(
      Words words, List<int[]> allowed, List<PhiSpan> spans) {
    for (int i = 0; i + 1 < words.count(); i++) {
      if (!Titles.isRelation(words, i) || !words.adjacent(i, i + 1)) {
        continue;
      }
      int last = i;
      while (last + 1 < words.count()
          && last - i < 3
          && (last == i || words.adjacent(last, last + 1))
          && isNameLike(words, last + 1, allowed)) {
        last++;
      }
      if (last > i) {
        int start = words.start(i + 1);
        int end = words.start(last) + words.surface(last).length();
        PhiSpan candidate = new PhiSpan(start, end, PhiType.NAME);
        if (spans.stream().noneMatch(candidate::overlaps)) {
          spans.add(candidate);
        }
      }
      i = last;
    }
  }

  private static boolean isNameLike(Words words, int index, List<int[]> allowed) {
    String surface = words.surface(index);
    if (surface.length() < 2
        || !Character.isUpperCase(surface.codePointAt(0))
        || Titles.isRelation(words, index)
        || Titles.isLeadingNonName(surface)
        || covered(words.start(index), words.end(index), allowed)) {
      return false;
    }
    for (int c = 1; c < surface.length(); c++) {
      if (Character.isLowerCase(surface.charAt(c))) {
        return true;
      }
    }
    return false;
  }

  private void collect(
      List<CoreLabel> tokens, String modelText, List<int[]> allowed, List<PhiSpan> spans) {
    int index = 0;
    while (index < tokens.size()) {
      PhiType type = typeOf(tokens.get(index));
      int end = index + 1;
      while (end < tokens.size() && typeOf(tokens.get(end)) == type) {
        end++;
      }
      int first = index;
      while (type == PhiType.NAME
          && first < end
          && Titles.isLeadingNonName(tokens.get(first).word())) {
        first++;
      }
      if (type != null
          && first < end
          && categories.contains(type)
          && !allAllowed(tokens, first, end, allowed)) {
        int start = tokens.get(first).beginPosition();
        int stop = tokens.get(end - 1).endPosition();
        if (type != PhiType.LOCATION || !isNonPhiPlace(modelText, start, stop)) {
          spans.add(new PhiSpan(start, stop, type));
        }
      }
      index = end;
    }
  }

  private static PhiType typeOf(CoreLabel token) {
    String label = token.get(CoreAnnotations.AnswerAnnotation.class);
    if (label == null) {
      return null;
    }
    switch (label) {
      case "PERSON":
        return PhiType.NAME;
      case "LOCATION":
        return PhiType.LOCATION;
      case "ORGANIZATION":
        return PhiType.ORGANIZATION;
      default:
        return null;
    }
  }

  private static boolean allAllowed(List<CoreLabel> tokens, int from, int to, List<int[]> allowed) {
    for (int i = from; i < to; i++) {
      if (!covered(tokens.get(i).beginPosition(), tokens.get(i).endPosition(), allowed)) {
        return false;
      }
    }
    return true;
  }

  private static boolean covered(int start, int end, List<int[]> ranges) {
    for (int[] range : ranges) {
      if (range[0] <= start && end <= range[1]) {
        return true;
      }
    }
    return false;
  }

  private boolean isNonPhiPlace(String modelText, int start, int end) {
    List<int[]> places = nonPhiPlaces.find(modelText.substring(start, end));
    return places.size() == 1 && places.get(0)[0] == 0 && places.get(0)[1] == end - start;
  }
}
