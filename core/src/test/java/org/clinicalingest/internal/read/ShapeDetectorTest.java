package org.clinicalingest.internal.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.clinicalingest.internal.read.ReaderTestFiles.write;

import com.fasterxml.jackson.core.JsonFactory;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.clinicalingest.ReadException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ShapeDetectorTest {
  private static final ReadLimits LIMITS = new ReadLimits(200, 64, 200, 1000);
  private static final JsonFactory FACTORY = new JsonFactory();

  @TempDir Path directory;

  private Shape detect(String content) {
    Path path = write(directory, "input.json", content);
    return ShapeDetector.detect(path, path.toString(), FACTORY, LIMITS);
  }

  static Stream<Arguments> shapes() {
    return Stream.of(
        Arguments.of("[]", Shape.ARRAY),
        Arguments.of("\n\n   [\n{}]", Shape.ARRAY),
        Arguments.of("{\"patients\":[]}", Shape.WRAPPED),
        Arguments.of("{ \n\n  \"patients\" :\n [\n]}", Shape.WRAPPED),
        Arguments.of("{\"patient_id\":\"P-1\"}\n{\"patient_id\":\"P-2\"}", Shape.NDJSON),
        Arguments.of("{}", Shape.NDJSON),
        Arguments.of("\t\r\n{\"patient_id\":\"P-1\",\"x\":{\"patients\":[]}}\n", Shape.NDJSON),
        Arguments.of("{\"patient_id\": broken\n{\"patient_id\":\"P-2\"}", Shape.NDJSON),
        Arguments.of("{\"patient_id\":\"P-1\"", Shape.NDJSON),
        Arguments.of("{\"patient_id\":\"P-1\"} {\"patient_id\":\"P-2\"}", Shape.NDJSON));
  }

  @ParameterizedTest
  @MethodSource("shapes")
  void detectsShapeFromContent(String content, Shape shape) {
    assertThat(detect(content)).isEqualTo(shape);
  }

  @Test
  void readsBlankFileAsNdjsonWithoutLines() {
    assertThat(detect("")).isEqualTo(Shape.NDJSON);
    assertThat(detect(" \n\t\r\n")).isEqualTo(Shape.NDJSON);
  }

  @Test
  void takesOverlongFirstLineForNdjson() {
    String content = "{\"patient_id\":\"P-1\",\"notes\":\"" + "x".repeat(1000) + "\n  \"x\":1}";

    assertThat(detect(content)).isEqualTo(Shape.NDJSON);
  }

  @Test
  void refusesObjectWithPatientsKeyAfterTheFirst() {
    assertThatThrownBy(
            () -> detect("{\"source\":{\"a\":[1]},\"patients\":[{\"patient_id\":\"P-1\"}]}"))
        .isInstanceOf(ReadException.class)
        .hasMessageEndingWith(
            "cannot detect the input shape: the top-level object has a \"patients\" key that is"
                + " not its first key (a wrapped file must start with \"patients\")");
  }

  @Test
  void saysWhenAMultiLineObjectIsAFhirResourceAndReadsFhirShapedLinesAsNdjson() {
    String bundle =
        "{\n  \"resourceType\": \"Bundle\",\n  \"type\": \"transaction\",\n  \"entry\": []\n}\n";

    assertThatThrownBy(() -> detect(bundle))
        .isInstanceOf(ReadException.class)
        .hasMessageEndingWith(
            "the object spans several lines (NDJSON has one object per line); its first key,"
                + " \"resourceType\", is a FHIR resource's, and FHIR is not an input of"
                + " clinical-ingest (FORMAT.md: one patient object, encounters and observations"
                + " nested)");
    assertThat(detect("{\"resourceType\":\"Patient\",\"patient_id\":\"P-1\"}\n"))
        .isEqualTo(Shape.NDJSON);
  }

  @Test
  void refusesMultiLineObjectWhoseFirstKeyIsNotPatients() {
    assertThatThrownBy(() -> detect("{\"patient_id\":\"P-1\",\n\"family_name\":\"F\"}\n"))
        .isInstanceOf(ReadException.class)
        .hasMessageContaining("the object spans several lines");
    assertThatThrownBy(() -> detect("{\"patient_id\":\"P-1\",\n\"family_name\": oops}\n"))
        .isInstanceOf(ReadException.class)
        .hasMessageContaining("the object spans several lines");
  }

  @Test
  void takesBrokenFirstLineOfFileNamedAsNdjsonForNdjson() {
    String content = "{\"patient_id\": \n{\"patient_id\":\"P-2\"}\n";
    for (String name : new String[] {"input.ndjson", "input.JSONL", "input.ndjson.gz"}) {
      Path path = write(directory, name, content);

      assertThat(ShapeDetector.detect(path, path.toString(), FACTORY, LIMITS))
          .isEqualTo(Shape.NDJSON);
    }
  }

  @Test
  void namesFirstNonBlankByteOffsetWhenNotJson() {
    assertThatThrownBy(() -> detect("\n\n  x"))
        .isInstanceOf(ReadException.class)
        .hasMessageEndingWith(
            "the first non-blank byte, at offset 4, is neither '[' nor '{' (in UTF-8)");
  }
}
