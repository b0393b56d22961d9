package org.clinicalingest.store.postgres.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.clinicalingest.spi.Column;
import org.clinicalingest.spi.ColumnType;
import org.clinicalingest.spi.Row;
import org.junit.jupiter.api.Test;

class BinaryCopyEncoderTest {

  private static final List<Column> COLUMNS =
      List.of(
          new Column("text", ColumnType.TEXT, true),
          new Column("array", ColumnType.TEXT_ARRAY, true),
          new Column("flag", ColumnType.BOOLEAN, true),
          new Column("number", ColumnType.DOUBLE, true),
          new Column("count", ColumnType.BIGINT, true),
          new Column("at", ColumnType.TIMESTAMP, true));

  @Test
  void writesHeaderTupleAndTrailerInPostgresBinaryFormat() throws Exception {
    Row row =
        Row.of(
            "é\t\\N",
            Arrays.asList("a", null),
            true,
            1.5,
            -2L,
            Instant.parse("2000-01-01T00:00:01.000002Z"));

    ByteBuffer copy = ByteBuffer.wrap(copyData(BinaryCopyEncoder.encode(COLUMNS, List.of(row))));

    byte[] signature = new byte[11];
    copy.get(signature);
    assertThat(signature).isEqualTo("PGCOPY\n\u00ff\r\n\0".getBytes(StandardCharsets.ISO_8859_1));
    assertThat(copy.getInt()).as("flags").isZero();
    assertThat(copy.getInt()).as("header extension").isZero();
    assertThat(copy.getShort()).as("fields").isEqualTo((short) 6);
    byte[] text = "é\t\\N".getBytes(StandardCharsets.UTF_8);
    assertThat(copy.getInt()).isEqualTo(text.length);
    byte[] textBytes = new byte[text.length];
    copy.get(textBytes);
    assertThat(textBytes).isEqualTo(text);
    int arrayLength = copy.getInt();
    int arrayStart = copy.position();
    assertThat(copy.getInt()).as("dimensions").isEqualTo(1);
    assertThat(copy.getInt()).as("has nulls").isEqualTo(1);
    assertThat(copy.getInt()).as("element oid").isEqualTo(25);
    assertThat(copy.getInt()).as("size").isEqualTo(2);
    assertThat(copy.getInt()).as("lower bound").isEqualTo(1);
    assertThat(copy.getInt()).isEqualTo(1);
    assertThat(copy.get()).isEqualTo((byte) 'a');
    assertThat(copy.getInt()).as("null element").isEqualTo(-1);
    assertThat(copy.position() - arrayStart).isEqualTo(arrayLength);
    assertThat(copy.getInt()).isEqualTo(1);
    assertThat(copy.get()).isEqualTo((byte) 1);
    assertThat(copy.getInt()).isEqualTo(8);
    assertThat(copy.getDouble()).isEqualTo(1.5);
    assertThat(copy.getInt()).isEqualTo(8);
    assertThat(copy.getLong()).isEqualTo(-2L);
    assertThat(copy.getInt()).isEqualTo(8);
    assertThat(copy.getLong()).as("microseconds since 2000-01-01").isEqualTo(1_000_002L);
    assertThat(copy.getShort()).as("trailer").isEqualTo((short) -1);
    assertThat(copy.hasRemaining()).isFalse();
  }

  @Test
  void writesNullAsLengthMinusOneAndEmptyTextAsLengthZero() throws Exception {
    List<Column> columns =
        List.of(new Column("a", ColumnType.TEXT, true), new Column("b", ColumnType.TEXT, true));

    ByteBuffer copy =
        ByteBuffer.wrap(copyData(BinaryCopyEncoder.encode(columns, List.of(Row.of(null, "")))));

    copy.position(BinaryCopyEncoder.HEADER.length);
    assertThat(copy.getShort()).isEqualTo((short) 2);
    assertThat(copy.getInt()).isEqualTo(-1);
    assertThat(copy.getInt()).isZero();
  }

  @Test
  void writesEmptyArrayWithoutDimensions() throws Exception {
    List<Column> columns = List.of(new Column("a", ColumnType.TEXT_ARRAY, true));

    ByteBuffer copy =
        ByteBuffer.wrap(copyData(BinaryCopyEncoder.encode(columns, List.of(Row.of(List.of())))));

    copy.position(BinaryCopyEncoder.HEADER.length + 2);
    assertThat(copy.getInt()).isEqualTo(12);
    assertThat(copy.getInt()).isZero();
    assertThat(copy.getInt()).isZero();
    assertThat(copy.getInt()).isEqualTo(25);
  }

  @Test
  void sendsAnyRangeOfRowsAsCompleteStream() throws Exception {
    List<Column> columns = List.of(new Column("a", ColumnType.BIGINT, true));
    EncodedRows rows =
        BinaryCopyEncoder.encode(columns, List.of(Row.of(1L), Row.of(2L), Row.of(3L)));

    ByteBuffer middle = ByteBuffer.wrap(copyData(rows, 1, 2));

    assertThat(rows.size()).isEqualTo(3);
    middle.position(BinaryCopyEncoder.HEADER.length);
    assertThat(middle.getShort()).isEqualTo((short) 1);
    assertThat(middle.getInt()).isEqualTo(8);
    assertThat(middle.getLong()).isEqualTo(2L);
    assertThat(middle.getShort()).isEqualTo((short) -1);
    assertThat(middle.hasRemaining()).isFalse();
  }

  @Test
  void countsTimestampsFromPostgresEpochTruncatingNanoseconds() {
    assertThat(BinaryCopyEncoder.microsSincePostgresEpoch(Instant.parse("2000-01-01T00:00:00Z")))
        .isZero();
    assertThat(
            BinaryCopyEncoder.microsSincePostgresEpoch(
                Instant.parse("1999-12-31T23:59:59.999999999Z")))
        .isEqualTo(-1L);
    assertThat(BinaryCopyEncoder.microsSincePostgresEpoch(Instant.parse("1970-01-01T00:00:00Z")))
        .isEqualTo(-946_684_800_000_000L);
  }

  private static byte[] copyData(EncodedRows rows) throws Exception {
    return copyData(rows, 0, rows.size());
  }

  private static byte[] copyData(EncodedRows rows, int from, int to) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    rows.writeTo(out::write, from, to);
    return out.toByteArray();
  }
}
