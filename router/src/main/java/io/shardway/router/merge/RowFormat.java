package io.shardway.router.merge;

/**
 * How the rows of a result are encoded: COM_QUERY is answered in text rows, COM_STMT_EXECUTE in
 * binary rows. The rows of one result all have one format, so comparisons never mix them.
 */
public enum RowFormat {
  /**
   * ProtocolText::ResultsetRow: each value a length-encoded string, as {@code TextRow} reads it.
   */
  TEXT,
  /** ProtocolBinary::ResultsetRow: each value in its type's form, as {@code BinaryRow} reads it. */
  BINARY
}
