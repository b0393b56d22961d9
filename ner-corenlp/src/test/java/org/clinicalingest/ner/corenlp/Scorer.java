package org.clinicalingest.ner.corenlp;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clinicalingest.spi.PhiSpan;
import org.clinicalingest.spi.PhiType;
import org.clinicalingest.spi.Redaction;

/**
 * Scores redactions against gold labels, word by word.
 *
 * <p>A word is a run of letters, marks and digits. A gold word is a word wholly inside a gold span;
 * a redacted word is a word that any predicted span overlaps (a partly redacted word counts as
 * redacted). Name recall is the share of gold NAME words redacted (by a span of any type, since any
 * redaction hides them). Precision is the share of redacted words that lie in some gold span of any
 * type; name precision the share of words redacted as NAME that lie in a gold NAME span. Span
 * recall counts gold NAME spans with at least one word redacted (lenient) or all (strict). Kept
 * share is the share of keep phrases of which no word is redacted.
 */
final class Scorer {

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}\\p{N}]+");

  private int notes;
  private int goldNameWords;
  private int redactedNameWords;
  private int goldLocationWords;
  private int redactedLocationWords;
  private int redactedWords;
  private int redactedWordsInGold;
  private int predictedNameWords;
  private int predictedNameWordsInNames;
  private int goldNameSpans;
  private int nameSpansTouched;
  private int nameSpansWhole;
  private int keepPhrases;
  private int keepPhrasesKept;
  private final List<String> missedNames = new ArrayList<>();
  private final List<String> falsePositives = new ArrayList<>();
  private final List<String> lostPhrases = new ArrayList<>();

  void add(EvalNote note, Redaction redaction) {
    notes++;
    String text = note.text();
    List<PhiSpan> predicted = redaction.spans();
    Matcher words = WORD.matcher(text);
    while (words.find()) {
      int start = words.start();
      int end = words.end();
      EvalNote.Gold gold = goldAround(note.spans(), start, end);
      PhiSpan hit = overlapping(predicted, start, end);
      if (gold != null && "NAME".equals(gold.type())) {
        goldNameWords++;
        if (hit != null) {
          redactedNameWords++;
        }
      }
      if (gold != null && "LOCATION".equals(gold.type())) {
        goldLocationWords++;
        if (hit != null) {
          redactedLocationWords++;
        }
      }
      if (hit != null) {
        redactedWords++;
        if (gold != null) {
          redactedWordsInGold++;
        } else {
          falsePositives.add(note.id() + " " + hit.type() + " '" + words.group() + "'");
        }
        if (hit.type() == PhiType.NAME) {
          predictedNameWords++;
          if (gold != null && "NAME".equals(gold.type())) {
            predictedNameWordsInNames++;
          }
        }
      }
    }
    for (EvalNote.Gold gold : note.spans()) {
      if (!"NAME".equals(gold.type())) {
        continue;
      }
      goldNameSpans++;
      int total = 0;
      int hit = 0;
      Matcher inside = WORD.matcher(text).region(gold.start(), gold.end());
      while (inside.find()) {
        total++;
        if (overlapping(predicted, inside.start(), inside.end()) != null) {
          hit++;
        }
      }
      if (hit > 0) {
        nameSpansTouched++;
      }
      if (hit == total) {
        nameSpansWhole++;
      } else {
        missedNames.add(note.id() + " '" + text.substring(gold.start(), gold.end()) + "'");
      }
    }
    for (EvalNote.Gold phrase : note.keep()) {
      keepPhrases++;
      boolean kept = true;
      Matcher inside = WORD.matcher(text).region(phrase.start(), phrase.end());
      while (inside.find()) {
        kept &= overlapping(predicted, inside.start(), inside.end()) == null;
      }
      if (kept) {
        keepPhrasesKept++;
      } else {
        lostPhrases.add(note.id() + " '" + text.substring(phrase.start(), phrase.end()) + "'");
      }
    }
  }

  private static EvalNote.Gold goldAround(List<EvalNote.Gold> golds, int start, int end) {
    for (EvalNote.Gold gold : golds) {
      if (gold.start() <= start && end <= gold.end()) {
        return gold;
      }
    }
    return null;
  }

  private static PhiSpan overlapping(List<PhiSpan> spans, int start, int end) {
    for (PhiSpan span : spans) {
      if (span.start() < end && start < span.end()) {
        return span;
      }
    }
    return null;
  }

  double nameRecall() {
    return ratio(redactedNameWords, goldNameWords);
  }

  double precision() {
    return ratio(redactedWordsInGold, redactedWords);
  }

  double namePrecision() {
    return ratio(predictedNameWordsInNames, predictedNameWords);
  }

  double locationRecall() {
    return ratio(redactedLocationWords, goldLocationWords);
  }

  double nameSpanRecallLenient() {
    return ratio(nameSpansTouched, goldNameSpans);
  }

  double nameSpanRecallStrict() {
    return ratio(nameSpansWhole, goldNameSpans);
  }

  double keptShare() {
    return ratio(keepPhrasesKept, keepPhrases);
  }

  List<String> missedNames() {
    return missedNames;
  }

  List<String> falsePositives() {
    return falsePositives;
  }

  List<String> lostPhrases() {
    return lostPhrases;
  }

  private static double ratio(int part, int whole) {
    return whole == 0 ? 1.0 : (double) part / whole;
  }

  String summary() {
    return String.format(
        "notes=%d nameWords=%d nameRecall=%.3f precision=%.3f namePrecision=%.3f"
            + " spanRecall(lenient)=%.3f spanRecall(strict)=%.3f locationWords=%d"
            + " locationRecall=%.3f keepPhrases=%d kept=%.3f",
        notes,
        goldNameWords,
        nameRecall(),
        precision(),
        namePrecision(),
        nameSpanRecallLenient(),
        nameSpanRecallStrict(),
        goldLocationWords,
        locationRecall(),
        keepPhrases,
        keptShare());
  }
}
