package io.shardway.router.merge;

import io.shardway.protocol.BinaryDateTime;
import io.shardway.protocol.BinaryTime;
import java.math.BigDecimal;

/**
 * One row of a result being merged: the payload of its row packet exactly as a shard sent it, so
 * that a row the merge passes on unchanged is relayed without encoding, and typed access to its
 * values, so that comparisons and aggregates read text and binary rows alike.
 *
 * <p>Which accessor fits a column follows from its type: callers ({@link ValueComparator}, the
 * aggregates) choose it from the column definition and check {@link #isNull} first. An accessor
 * that does not fit the value throws {@link IllegalArgumentException} or {@link
 * ClassCastException}. Build rows with {@link ResultColumns#decode}.
 */
public sealed interface MergeRow permits DecodedRow {

  /**
   * The payload of the row packet, header byte included for a binary row. Shared, not copied, since
   * relaying it is what happens to most rows: callers must not change it.
   */
  byte[] payload();

  /** The number of values. */
  int size();

  boolean isNull(int column);

  /**
   * The value in its row format's own form, null for NULL: for a text row the bytes of the text;
   * for a binary row the object {@code BinaryRow} decodes (Integer, Long, BigInteger, BigDecimal,
   * Float, Double, BinaryDateTime, BinaryTime or byte[]). Encoding it again gives the same bytes.
   */
  Object value(int column);

  /**
   * The value of an integer column (TINYINT to BIGINT, YEAR) as 64 bits: for an UNSIGNED BIGINT
   * above {@link Long#MAX_VALUE} a negative long, to be compared with {@link Long#compareUnsigned}.
   */
  long integer(int column);

  /** The exact value of an integer or DECIMAL column. */
  BigDecimal decimal(int column);

  /** The value of a FLOAT or DOUBLE column. */
  double floating(int column);

  /** The value of a DATE, DATETIME or TIMESTAMP column, zero dates included. */
  BinaryDateTime dateTime(int column);

  /** The value of a TIME column. */
  BinaryTime time(int column);

  /**
   * The bytes of a string, BLOB or BIT value, as the connection's character set encodes them.
   * Shared, not copied: callers must not change them.
   */
  byte[] bytes(int column);
}
