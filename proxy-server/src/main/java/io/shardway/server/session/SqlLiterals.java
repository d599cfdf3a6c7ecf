package io.shardway.server.session;

import io.shardway.protocol.ColumnType;
import java.nio.charset.StandardCharsets;

/** Turns a value read from the server back into SQL that sets the same value. */
final class SqlLiterals {
  private SqlLiterals() {}

  /** A number stays bare (integer variables refuse strings), anything else becomes a string. */
  static String of(byte[] value, int columnType) {
    if (value == null) {
      return "NULL";
    }
    String text = new String(value, StandardCharsets.UTF_8);
    if (isNumeric(columnType)) {
      return text;
    }
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  private static boolean isNumeric(int type) {
    switch (type) {
      case ColumnType.TINY:
      case ColumnType.SHORT:
      case ColumnType.INT24:
      case ColumnType.LONG:
      case ColumnType.LONGLONG:
      case ColumnType.DECIMAL:
      case ColumnType.NEWDECIMAL:
      case ColumnType.FLOAT:
      case ColumnType.DOUBLE:
      case ColumnType.YEAR:
        return true;
      default:
        return false;
    }
  }
}
