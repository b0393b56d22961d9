package org.clinicalingest.internal.redact;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.clinicalingest.spi.PhiSpan;

/**
 * Finds PHI in free text with patterns: SSNs, phone and fax numbers, e-mail addresses, web and IP
 * addresses, medical record and other record numbers, dates, US street addresses, cities and ZIP
 * codes in an address, and ages over 89.
 *
 * <p>Design: one small recogniser per family, each with precompiled patterns; the text is scanned
 * once into words and numbers ({@link ScannedText}) and each recogniser tries its patterns only at
 * the numbers and cue words where they can start, which is what makes a note of 600 characters cost
 * tens of microseconds rather than a millisecond; where a cheap look at the characters around such
 * a start shows that a pattern cannot match there (the number after a month name, the blank after a
 * house number), the pattern is not tried, a check the pattern itself would make. Their spans are
 * merged by {@link SpanMerger}. Precision matters as much as recall: clinical text is full of
 * numbers (blood pressures, doses, lab values, codes, times), so a number counts only in a shape or
 * after a word that makes it PHI. Names need the patient's record ({@link RecordTerms}) or a
 * language model.
 */
public final class PatternRedactor {

  private final List<Recognizer> recognizers =
      List.of(
          new SsnRecognizer(),
          new PhoneRecognizer(),
          new EmailRecognizer(),
          new UrlRecognizer(),
          new IpAddressRecognizer(),
          new RecordNumberRecognizer(),
          new DateRecognizer(),
          new StreetAddressRecognizer(),
          new ZipCodeRecognizer(),
          new AgeRecognizer());

  /** Creates a redactor; its patterns are compiled once per class, its matchers once per thread. */
  public PatternRedactor() {}

  /**
   * Finds the PHI in a text. Thread-safe.
   *
   * @param text any text, not null
   * @return merged spans (sorted, non-overlapping), UTF-16 offsets into {@code text}
   */
  public List<PhiSpan> find(String text) {
    return find(text, null);
  }

  /**
   * Finds the PHI in a text and, in the same scan of it, the terms of its patient's record.
   * Thread-safe.
   *
   * @param text any text, not null
   * @param terms the terms of the patient the text belongs to ({@link RecordTerms#find}), or null
   *     for none
   * @return a new list of the merged spans of the patterns, then the merged spans of the terms;
   *     offsets are UTF-16 indexes into {@code text}
   */
  public List<PhiSpan> find(String text, RecordTerms terms) {
    Objects.requireNonNull(text, "text");
    ScannedText scanned = new ScannedText(text);
    List<PhiSpan> spans = new ArrayList<>();
    try {
      for (Recognizer recognizer : recognizers) {
        recognizer.find(scanned, spans);
      }
      List<PhiSpan> found = SpanMerger.merge(spans);
      List<PhiSpan> termSpans = terms == null ? List.of() : terms.find(scanned);
      List<PhiSpan> all = new ArrayList<>(found.size() + termSpans.size());
      all.addAll(found);
      all.addAll(termSpans);
      return all;
    } finally {
      scanned.release();
    }
  }
}
