package io.shardway.router.merge;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.shardway.protocol.BinaryDateTime;
import io.shardway.protocol.BinaryRow;
import io.shardway.protocol.BinaryTime;
import io.shardway.protocol.ColumnDefinition;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

/** A binary-protocol row: the values {@link BinaryRow} decodes, already typed. */
final class BinaryMergeRow extends DecodedRow<Object> {

  private BinaryMergeRow(byte[] payload, List<Object> values) {
    super(payload, values);
  }

  /** Decodes a row of {@code columns}; the payload must hold exactly that row. */
  static BinaryMergeRow decode(byte[] payload, List<ColumnDefinition> columns) {
    ByteBuf in = Unpooled.wrappedBuffer(payload);
    try {
      List<Object> values = BinaryRow.decode(in, columns);
      if (in.isReadable()) {
        throw new IllegalArgumentException(
            "binary row: " + in.readableBytes() + " bytes after " + columns.size() + " values");
      }
      return new BinaryMergeRow(payload, values);
    } finally {
      in.release();
    }
  }

  /** BigInteger, for an UNSIGNED BIGINT, gives its low 64 bits: the unsigned value's bits. */
  @Override
  public long integer(int column) {
    return ((Number) values.get(column)).longValue();
  }

  @Override
  public BigDecimal decimal(int column) {
    Object value = values.get(column);
    if (value instanceof BigDecimal decimal) {
      return decimal;
    } else if (value instanceof BigInteger big) {
      return new BigDecimal(big);
    } else if (value instanceof Integer || value instanceof Long) {
      return BigDecimal.valueOf(((Number) value).longValue());
    }
    throw new IllegalArgumentException(
        "column " + column + ": " + value.getClass().getSimpleName() + " (expected: exact number)");
  }

  @Override
  public double floating(int column) {
    return ((Number) values.get(column)).doubleValue();
  }

  @Override
  public BinaryDateTime dateTime(int column) {
    return (BinaryDateTime) values.get(column);
  }

  @Override
  public BinaryTime time(int column) {
    return (BinaryTime) values.get(column);
  }

  @Override
  public byte[] bytes(int column) {
    return (byte[]) values.get(column);
  }
}
