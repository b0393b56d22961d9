package org.clinicalingest.internal.read;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * Writes large synthetic inputs for reader tests: deterministic patients (fixed seed) with two to
 * four encounters of one to four observations, about 1.5 KB of JSON each, none of it real data.
 */
public final class SyntheticPatients {
  private static final String[] FAMILY = {"Testperson", "Example", "Sample", "Müller", "Ødegård"};
  private static final String[] GIVEN = {"Alex", "Jordan", "Casey", "Zoë", "Renée", "Sam"};
  private static final String[] CODES = {"8480-6", "8462-4", "72166-2", "29463-7", "8302-2"};

  private SyntheticPatients() {}

  /** The shapes {@link #write} can produce. */
  public enum Layout {
    NDJSON,
    ARRAY,
    WRAPPED
  }

  /** Writes {@code count} patients to {@code path}, gzip-compressed if asked. */
  public static Path write(Path path, int count, Layout layout, boolean gzip) {
    try (OutputStream file = Files.newOutputStream(path);
        OutputStream out = gzip ? new GZIPOutputStream(file, 64 * 1024) : file;
        Writer writer =
            new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16)) {
      write(writer, count, layout);
      return path;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Writer writer, int count, Layout layout) throws IOException {
    Random random = new Random(20_240_101L);
    writer.write(
        switch (layout) {
          case NDJSON -> "";
          case ARRAY -> "[\n";
          case WRAPPED -> "{\"patients\": [\n";
        });
    StringBuilder record = new StringBuilder(4096);
    for (int index = 0; index < count; index++) {
      record.setLength(0);
      patient(record, index, random);
      if (layout != Layout.NDJSON && index < count - 1) {
        record.append(',');
      }
      record.append('\n');
      writer.append(record);
    }
    writer.write(
        switch (layout) {
          case NDJSON -> "";
          case ARRAY -> "]\n";
          case WRAPPED -> "], \"generator\": \"reader tests\"}\n";
        });
  }

  private static void patient(StringBuilder out, int index, Random random) {
    String id = "MRN-" + index;
    out.append("{\"patient_id\":\"").append(id).append('"');
    out.append(",\"identifiers\":[\"SSN:900-")
        .append(10 + random.nextInt(89))
        .append('-')
        .append(1000 + random.nextInt(8999))
        .append("\"]");
    out.append(",\"family_name\":\"").append(pick(FAMILY, random)).append('"');
    out.append(",\"given_names\":[\"")
        .append(pick(GIVEN, random))
        .append("\",\"")
        .append(pick(GIVEN, random))
        .append("\"]");
    out.append(",\"date_of_birth\":\"19")
        .append(10 + random.nextInt(89))
        .append("-0")
        .append(1 + random.nextInt(9))
        .append("-1")
        .append(random.nextInt(9))
        .append('"');
    out.append(",\"gender\":\"").append(random.nextBoolean() ? "female" : "male").append('"');
    out.append(",\"deceased\":false");
    out.append(",\"address_line1\":\"").append(1 + random.nextInt(999)).append(" Example Street\"");
    out.append(",\"city\":\"Springfield\",\"state\":\"MA\",\"postal_code\":\"0")
        .append(1000 + random.nextInt(8999))
        .append('"');
    out.append(",\"phone\":\"555-0").append(100 + random.nextInt(899)).append('"');
    out.append(",\"email\":\"patient").append(index).append("@example.org\"");
    out.append(",\"language\":\"en-US\",\"x_source\":{\"system\":\"synthetic\"}");
    out.append(",\"encounters\":[");
    int encounters = 2 + random.nextInt(3);
    for (int encounter = 0; encounter < encounters; encounter++) {
      if (encounter > 0) {
        out.append(',');
      }
      String encounterId = id + "-E" + encounter;
      out.append("{\"encounter_id\":\"").append(encounterId).append('"');
      out.append(",\"patient_id\":\"").append(id).append('"');
      out.append(",\"status\":\"finished\",\"class_code\":\"AMB\"");
      out.append(",\"period_start\":\"2020-0")
          .append(1 + random.nextInt(9))
          .append("-1")
          .append(random.nextInt(9))
          .append("T10:00:00Z\"");
      out.append(",\"provider_name\":\"Dr. ").append(pick(FAMILY, random)).append('"');
      out.append(",\"observations\":[");
      int observations = 1 + random.nextInt(4);
      for (int observation = 0; observation < observations; observation++) {
        if (observation > 0) {
          out.append(',');
        }
        out.append("{\"observation_id\":\"")
            .append(encounterId)
            .append("-O")
            .append(observation)
            .append('"');
        out.append(",\"status\":\"final\",\"category\":\"vital-signs\",\"code\":\"")
            .append(pick(CODES, random))
            .append("\",\"code_system\":\"http://loinc.org\"");
        out.append(",\"value_quantity\":")
            .append(random.nextInt(200))
            .append('.')
            .append(random.nextInt(10));
        out.append(",\"value_unit\":\"mm[Hg]\",\"effective_at\":\"2020-01-01T10:15:00Z\"");
        out.append(",\"notes\":\"Patient ")
            .append(pick(GIVEN, random))
            .append(" seen, call 555-0")
            .append(100 + random.nextInt(899))
            .append(". Follow up in ")
            .append(1 + random.nextInt(12))
            .append(" weeks.\"}");
      }
      out.append("]}");
    }
    out.append("]}");
  }

  private static String pick(String[] values, Random random) {
    return values[random.nextInt(values.length)];
  }
}
