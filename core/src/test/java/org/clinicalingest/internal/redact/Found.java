package org.clinicalingest.internal.redact;

import java.util.ArrayList;
import java.util.List;
import org.clinicalingest.spi.PhiSpan;
import org.clinicalingest.spi.PhiType;

/** Renders found spans as {@code TYPE:text} strings, for readable assertions. */
final class Found {

  private Found() {}

  static List<String> by(Recognizer recognizer, String text) {
    List<PhiSpan> spans = new ArrayList<>();
    recognizer.find(text, spans);
    return render(text, SpanMerger.merge(spans));
  }

  static List<String> render(String text, List<PhiSpan> spans) {
    return spans.stream()
        .map(span -> span.type() + ":" + text.substring(span.start(), span.end()))
        .toList();
  }

  static String one(PhiType type, String value) {
    return type + ":" + value;
  }
}
