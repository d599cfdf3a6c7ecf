package io.shardway.router.merge;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.shardway.protocol.BinaryDateTime;
import io.shardway.protocol.BinaryTime;
import io.shardway.protocol.TextRow;
import java.math.BigDecimal;
import java.util.List;

/** A text-protocol row: each value the text MySQL wrote, read by {@link TextValues} on demand. */
final class TextMergeRow extends DecodedRow<byte[]> {

  private TextMergeRow(byte[] payload, List<byte[]> values) {
    super(payload, values);
  }

  /** Decodes a row of {@code columns} values; the payload must hold exactly that row. */
  static TextMergeRow decode(byte[] payload, int columns) {
    ByteBuf in = Unpooled.wrappedBuffer(payload);
    try {
      List<byte[]> values = TextRow.decode(in, columns);
      if (in.isReadable()) {
        throw new IllegalArgumentException(
            "text row: " + in.readableBytes() + " bytes after " + columns + " values");
      }
      return new TextMergeRow(payload, values);
    } finally {
      in.release();
    }
  }

  @Override
  public long integer(int column) {
    return TextValues.integer(values.get(column));
  }

  @Override
  public BigDecimal decimal(int column) {
    return TextValues.decimal(values.get(column));
  }

  @Override
  public double floating(int column) {
    return TextValues.floating(values.get(column));
  }

  @Override
  public BinaryDateTime dateTime(int column) {
    return TextValues.dateTime(values.get(column));
  }

  @Override
  public BinaryTime time(int column) {
    return TextValues.time(values.get(column));
  }

  @Override
  public byte[] bytes(int column) {
    return values.get(column);
  }
}
