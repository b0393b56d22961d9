package org.clinicalingest.ner.corenlp.internal;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
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
 * <p>Design: CoreNLP's tokenizer and sentence splitter ({@link SharedModel#sentences}), then the
 * English 3-class CRF, with no {@code pos}, {@code lemma}, SUTime, numeric or fine-grained
 * annotators. Before the model, text written in one case gets its case restored (same length, so
 * offsets hold). The CRF is the cost (about 90 % of a note), and most of a clinical note is vitals,
 * doses and common words that it labels O, so by default it runs only on windows around candidate
 * tokens ({@link TokenKinds}), with the features of the whole sentence and O fixed on both sides
 * ({@link CrfWindows}); a sentence without candidates skips the CRF. Without windows, {@code
 * classifySentence} labels every sentence whole. Labels of a sentence seen before can come from a
 * cache keyed by its words (and token kinds): the CRF reads nothing else. After the model,
 * consecutive tokens with the same label form one span; a span whose every token lies inside an
 * allow-listed clinical term is dropped ("Parkinson", "Glasgow Coma Scale"), and so is a place that
 * is not PHI under Safe Harbor (a state or country). Offsets come from CoreNLP's tokens, which are
 * UTF-16 indexes into the text. Title and relation words the model pulls into a name ("Mother
 * Keisha Brown") are trimmed off, and names that the words around them give away ("daughter Hope",
 * "Dylan Moody, MD") and places after "in" or "from" that a gazetteer knows are added where the
 * model misses them ({@link EntitiesInContext}). Immutable and thread-safe.
 */
public final class EntityFinder {

  /** Most particles ("de la", "van der") between two tokens of one window. */
  private static final int MAX_GAP = 2;

  /**
   * Tokens added on each side of a window and labelled freely, so that O is fixed one token further
   * out: the CRF sometimes pulls a dash, a comma or a word into a name ("-- Thomas Okafor, RN",
   * "salt lake city"). A function word beside a window is not added ("seen by"): the CRF labels it
   * O, and such words are about half of what the margins would add to the windows of clinical notes
   * (the texts of 1,000 generated patients: 239,111 tokens of the windows' 496,442 are not
   * candidates, 126,617 of them lower-case words, "at", "on", "with", "for", "by" the most common).
   */
  private static final int MARGIN = 1;

  private final SharedModel model;
  private final Set<PhiType> categories;
  private final TermMatcher allowList;
  private final TermMatcher nonPhiPlaces;
  private final CaseRestorer caseRestorer;
  private final boolean restoreCase;
  private final CrfWindows windows;
  private final LruCache<String[]> sentenceCache;

  /**
   * A finder reporting {@code categories} (of NAME, LOCATION, ORGANIZATION).
   *
   * @param model the loaded model
   * @param categories the span types to report
   * @param allowList clinical terms never reported
   * @param nonPhiPlaces places never reported as LOCATION
   * @param restoreCase whether to restore the case of text written in one case
   * @param windowed whether to run the CRF only on windows around candidate tokens (if the model
   *     allows it), rather than on every whole sentence
   * @param sentenceCache labels of sentences already seen, by words (and token kinds); null for
   *     none
   */
  public EntityFinder(
      SharedModel model,
      Set<PhiType> categories,
      TermMatcher allowList,
      TermMatcher nonPhiPlaces,
      boolean restoreCase,
      boolean windowed,
      LruCache<String[]> sentenceCache) {
    this.model = model;
    this.categories = EnumSet.copyOf(categories);
    this.allowList = allowList;
    this.nonPhiPlaces = nonPhiPlaces;
    this.caseRestorer = new CaseRestorer(model::caseForm);
    this.restoreCase = restoreCase;
    this.windows = windowed ? model.windows().orElse(null) : null;
    this.sentenceCache = sentenceCache;
  }

  /** Whether this finder runs the CRF on windows (false: on whole sentences). */
  public boolean windowed() {
    return windows != null;
  }

  /** The spans to redact in {@code text}, in text order. */
  public List<PhiSpan> find(String text) {
    return find(text, List.of());
  }

  /**
   * The spans to redact in {@code text}, in text order, skipping entities wholly inside {@code
   * known} spans, which are redacted anyway: a run of tokens whose candidates all lie inside known
   * spans is not labelled (see {@link #windows}).
   */
  public List<PhiSpan> find(String text, List<PhiSpan> known) {
    Words words = Words.of(text);
    boolean oneCase = CaseRestorer.isMonoCase(words);
    String modelText = restoreCase && oneCase ? caseRestorer.rewrite(words) : text;
    Words modelWords = modelText.equals(text) ? words : Words.of(modelText);
    List<int[]> allowed = allowList.find(modelWords);
    List<PhiSpan> spans = new ArrayList<>();
    for (List<CoreLabel> tokens : model.sentences(modelText)) {
      String[] labels = labels(modelText, tokens, allowed, oneCase, known);
      if (labels != null) {
        collect(tokens, labels, modelText, allowed, spans);
      }
    }
    EntitiesInContext context =
        new EntitiesInContext(model.tokenKinds(), modelWords, oneCase, allowed, known);
    if (categories.contains(PhiType.NAME)) {
      context.addNames(spans);
    }
    if (categories.contains(PhiType.LOCATION)) {
      context.addPlaces(
          spans, model.cities(), (start, end) -> isNonPhiPlace(modelText, start, end));
    }
    spans.sort(Comparator.comparingInt(PhiSpan::start));
    return spans;
  }

  /**
   * The CRF label of each token (null for O), or null if the sentence has no window to label: no
   * candidate, or only candidates inside known spans.
   */
  private String[] labels(
      String text,
      List<CoreLabel> tokens,
      List<int[]> allowed,
      boolean oneCase,
      List<PhiSpan> known) {
    WordEntry[] entries = null;
    byte[] kinds = null;
    boolean[] inKnown = null;
    List<int[]> windowRanges = null;
    if (windows != null) {
      entries = model.wordEntries(tokens);
      kinds = model.tokenKinds().of(text, tokens, entries, allowed, oneCase);
      inKnown = inKnownSpans(tokens, kinds, known);
      windowRanges = windows(tokens, kinds, inKnown);
      if (windowRanges.isEmpty()) {
        return null;
      }
    }
    String key = sentenceCache == null ? null : cacheKey(tokens, kinds, inKnown);
    if (key != null) {
      String[] cached = sentenceCache.get(key);
      if (cached != null) {
        return cached;
      }
    }
    String[] labels =
        kinds == null ? labelWhole(tokens) : labelWindows(tokens, entries, windowRanges);
    if (key != null) {
      sentenceCache.put(key, labels);
    }
    return labels;
  }

  private String[] labelWhole(List<CoreLabel> tokens) {
    List<CoreLabel> labelled = model.classifier().classifySentence(tokens);
    String[] labels = new String[labelled.size()];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = labelled.get(i).get(CoreAnnotations.AnswerAnnotation.class);
    }
    return labels;
  }

  /** Labels each {@linkplain #windows window} of the sentence. */
  private String[] labelWindows(
      List<CoreLabel> tokens, WordEntry[] entries, List<int[]> windowRanges) {
    String[] labels = new String[tokens.size()];
    CrfWindows.Sentence sentence = windows.sentence(tokens, entries);
    for (int[] window : windowRanges) {
      windows.label(sentence, window[0], window[1], labels);
    }
    return labels;
  }

  /**
   * Which tokens that may join a window lie wholly inside a known span, or null if none does; the
   * others are never read.
   */
  private static boolean[] inKnownSpans(List<CoreLabel> tokens, byte[] kinds, List<PhiSpan> known) {
    if (known.isEmpty()) {
      return null;
    }
    boolean[] inside = null;
    for (int i = 0; i < tokens.size(); i++) {
      if (kinds[i] == TokenKinds.OTHER) {
        continue;
      }
      CoreLabel token = tokens.get(i);
      for (PhiSpan span : known) {
        if (span.start() <= token.beginPosition() && token.endPosition() <= span.end()) {
          if (inside == null) {
            inside = new boolean[tokens.size()];
          }
          inside[i] = true;
          break;
        }
      }
    }
    return inside;
  }

  /**
   * The token ranges the CRF must label: runs of tokens that are not {@link TokenKinds#OTHER}
   * holding a candidate, where two such tokens may be separated by up to {@link #MAX_GAP} particles
   * ("de la", "van der", "of", "'s", "-", "&amp;") and a possessive may follow. Every other token
   * is taken as O: punctuation, numbers and common lower-case words, which the CRF labels O in
   * practice, so the windows' labels are the whole-sentence ones (see {@link CrfWindows}). Each
   * window is widened by {@link #MARGIN} tokens on each side, unless that token is a function word
   * (the CRF labels them too), and windows that then touch or overlap are merged.
   *
   * <p>Tokens inside spans already found ({@code inKnown}) are redacted whatever the CRF says, so a
   * run whose candidates all lie inside them is labelled only if it also holds, outside them, a
   * joining token that may be part of a name: an eponym after a known given name ("Virginia
   * Parkinson"), but not a title or a word such as "Pt" ({@link Titles#isLeadingNonName}).
   *
   * @param inKnown per token not {@link TokenKinds#OTHER}, whether it lies inside a known span;
   *     null if none does
   */
  static List<int[]> windows(List<CoreLabel> tokens, byte[] kinds, boolean[] inKnown) {
    List<int[]> windows = new ArrayList<>();
    int index = 0;
    while (index < kinds.length) {
      if (kinds[index] == TokenKinds.OTHER) {
        index++;
        continue;
      }
      int from = index;
      int to = index + 1;
      int next = to;
      while (next < kinds.length) {
        if (kinds[next] != TokenKinds.OTHER) {
          to = ++next;
        } else if (next - to < MAX_GAP && isParticle(tokens.get(next).word())) {
          next++;
        } else {
          break;
        }
      }
      while (to < kinds.length && isPossessive(tokens.get(to).word())) {
        to++;
      }
      if (needsLabels(tokens, kinds, inKnown, from, to)) {
        addWidened(windows, tokens, from, to);
      }
      index = to;
    }
    return windows;
  }

  /** Whether the run {@code [from, to)} holds a name the CRF must label (see {@link #windows}). */
  private static boolean needsLabels(
      List<CoreLabel> tokens, byte[] kinds, boolean[] inKnown, int from, int to) {
    boolean knownCandidate = false;
    boolean partOutside = false;
    for (int i = from; i < to; i++) {
      boolean known = inKnown != null && inKnown[i];
      if (kinds[i] == TokenKinds.CANDIDATE) {
        if (!known) {
          return true;
        }
        knownCandidate = true;
      } else if (kinds[i] == TokenKinds.JOINS && !known) {
        partOutside |= !Titles.isLeadingNonName(tokens.get(i).word());
      }
    }
    return knownCandidate && partOutside;
  }

  private static void addWidened(List<int[]> windows, List<CoreLabel> tokens, int from, int to) {
    int start = from > 0 && mayJoin(tokens.get(from - 1)) ? from - MARGIN : from;
    int end = to < tokens.size() && mayJoin(tokens.get(to)) ? to + MARGIN : to;
    int[] last = windows.isEmpty() ? null : windows.get(windows.size() - 1);
    if (last != null && last[1] >= start) {
      last[1] = Math.max(last[1], end);
    } else {
      windows.add(new int[] {start, end});
    }
  }

  /**
   * Whether the CRF may pull {@code neighbour} into the name beside it, so that it is labelled with
   * the window: anything but a function word ("by", "the"), which it labels O.
   */
  private static boolean mayJoin(CoreLabel neighbour) {
    return !TokenKinds.isFunctionWord(neighbour.word());
  }

  private static boolean isParticle(String word) {
    return TokenKinds.isParticle(word) || isPossessive(word);
  }

  private static boolean isPossessive(String word) {
    return word.equals("'s") || word.equals("'") || word.equals("\u2019s") || word.equals("\u2019");
  }

  /**
   * The sentence's words, which are all the CRF reads, and the kinds and known tokens that chose
   * its windows.
   */
  private static String cacheKey(List<CoreLabel> tokens, byte[] kinds, boolean[] inKnown) {
    StringBuilder key = new StringBuilder(tokens.size() * 8);
    for (CoreLabel token : tokens) {
      key.append(token.word()).append('\u0001');
    }
    if (kinds != null) {
      for (int i = 0; i < kinds.length; i++) {
        key.append((char) ((inKnown != null && inKnown[i] ? 'a' : '0') + kinds[i]));
      }
    }
    return key.toString();
  }

  private void collect(
      List<CoreLabel> tokens,
      String[] labels,
      String modelText,
      List<int[]> allowed,
      List<PhiSpan> spans) {
    int index = 0;
    while (index < tokens.size()) {
      PhiType type = typeOf(labels[index]);
      int end = index + 1;
      while (end < tokens.size() && typeOf(labels[end]) == type) {
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

  private static PhiType typeOf(String label) {
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
      if (!TermMatcher.covers(
          allowed, tokens.get(i).beginPosition(), tokens.get(i).endPosition())) {
        return false;
      }
    }
    return true;
  }

  private boolean isNonPhiPlace(String modelText, int start, int end) {
    List<int[]> places = nonPhiPlaces.find(modelText.substring(start, end));
    return places.size() == 1 && places.get(0)[0] == 0 && places.get(0)[1] == end - start;
  }
}
