package org.clinicalingest.ner.corenlp;

import java.util.List;

/**
 * One labelled note of an evaluation set.
 *
 * @param id the note's id
 * @param text the note
 * @param spans gold spans, UTF-16 offsets, type NAME, LOCATION or ORGANIZATION (or another PHI
 *     type, which the scorer ignores)
 * @param keep clinical phrases that must not be redacted; may be empty
 */
record EvalNote(String id, String text, List<Gold> spans, List<Gold> keep) {

  /** A labelled stretch of text; {@code type} is null for a keep phrase. */
  record Gold(int start, int end, String type) {}
}
