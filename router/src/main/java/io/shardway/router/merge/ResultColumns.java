package io.shardway.router.merge;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.shardway.protocol.BinaryRow;
import io.shardway.protocol.ColumnDefinition;
import io.shardway.protocol.TextRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The columns of a result being merged and how its values are encoded: what reading rows, writing
 * the rows a merge computes and comparing values need to know.
 *
 * @param format how the rows are encoded
 * @param definitions the column definitions the shards sent
 * @param fixedOffsetTimestamps whether the backend sessions render TIMESTAMP values at a fixed UTC
 *     offset: {@code time_zone} set to one ({@code '+00:00'}), or {@code SYSTEM} on servers whose
 *     zone has no daylight saving time. MySQL orders TIMESTAMPs by instant while rows carry local
 *     times, and where clocks go back a later instant reads earlier; only at a fixed offset do the
 *     two orders agree.
 */
public record ResultColumns(
    RowFormat format, List<ColumnDefinition> definitions, boolean fixedOffsetTimestamps) {

  public ResultColumns {
    Objects.requireNonNull(format, "format");
    definitions = List.copyOf(definitions);
  }

  public int size() {
    return definitions.size();
  }

  public ColumnDefinition definition(int column) {
    return definitions.get(column);
  }

  /** The first {@code count} columns: a result without the columns added only for the merge. */
  public ResultColumns first(int count) {
    return new ResultColumns(format, definitions.subList(0, count), fixedOffsetTimestamps);
  }

  /**
   * Reads a row: the payload of one row packet (joined, for a row of 16 MiB or more), kept as it
   * is.
   */
  public MergeRow decode(byte[] payload) {
    return format == RowFormat.TEXT
        ? TextMergeRow.decode(payload, definitions.size())
        : BinaryMergeRow.decode(payload, definitions);
  }

  /**
   * Writes a row the merge computed, one value per column: null for NULL, a value as {@link
   * MergeRow#value} gives it (copied from a shard's row of this result), or a number the merge
   * computed (Long, BigInteger or BigDecimal at the column's scale, Double for a DOUBLE column).
   */
  public MergeRow encode(List<Object> values) {
    if (values.size() != definitions.size()) {
      throw new IllegalArgumentException(
          "values: " + values.size() + " (expected: " + definitions.size() + ", one per column)");
    }
    ByteBuf out = Unpooled.buffer();
    try {
      if (format == RowFormat.TEXT) {
        TextRow.encode(out, texts(values));
      } else {
        BinaryRow.encode(out, definitions, values);
      }
      return decode(ByteBufUtil.getBytes(out));
    } finally {
      out.release();
    }
  }

  private List<byte[]> texts(List<Object> values) {
    List<byte[]> texts = new ArrayList<>(values.size());
    for (int i = 0; i < values.size(); i++) {
      Object value = values.get(i);
      texts.add(
          value instanceof Number number
              ? TextValues.format(number, definitions.get(i))
              : (byte[]) value);
    }
    return texts;
  }
}
