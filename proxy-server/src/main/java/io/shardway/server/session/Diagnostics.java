package io.shardway.server.session;

import io.shardway.protocol.ErrPacket;
import java.util.regex.Pattern;

/** Statements that read the diagnostics area, and how to put an error back into it. */
final class Diagnostics {
  private static final Pattern READS =
      Pattern.compile(
          "(?is)^\\s*SHOW\\s+(COUNT\\s*\\(\\s*\\*\\s*\\)\\s+)?(WARNINGS|ERRORS)\\b"
              + "|@@(session\\.)?(warning_count|error_count)\\b"
              + "|\\bGET\\s+(CURRENT\\s+)?DIAGNOSTICS\\b");

  /**
   * Empties the connection's diagnostics area, needing no privilege. It must use a table, here a
   * derived one: MariaDB leaves the area as it is through statements that use none ({@code DO 1},
   * {@code SELECT 1}, SET).
   */
  static final String CLEAR = "DO (SELECT 1 FROM (SELECT 1) AS cleared)";

  /** MySQL's limit on SIGNAL's MESSAGE_TEXT; a longer message is not raised again. */
  private static final int MAX_MESSAGE = 128;

  private Diagnostics() {}

  static boolean reads(String sql) {
    return READS.matcher(sql).find();
  }

  /** A SIGNAL that raises {@code error} as the server raised it, or null when it cannot. */
  static String signal(ErrPacket error) {
    String message = error.message();
    if (message.length() > MAX_MESSAGE || error.sqlState().startsWith("00")) {
      return null;
    }
    return "SIGNAL SQLSTATE '"
        + error.sqlState()
        + "' SET MYSQL_ERRNO = "
        + error.errorCode()
        + ", MESSAGE_TEXT = '"
        + message.replace("\\", "\\\\").replace("'", "''")
        + "'";
  }
}
