package io.shardway.server.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a test body saw, one line per fact: result set metadata column by column, every value (its
 * Java class, {@code getObject} and {@code getString}), update counts, generated keys, errors with
 * code, SQLSTATE and message, and warnings. A body runs once against MariaDB directly and once
 * through Shardway; {@link #compare} fails at the first line where the two differ.
 */
final class Transcript {
  /** Byte values longer than this are written as length and SHA-256 instead of hex. */
  private static final int MAX_HEX_BYTES = 64;

  private static final int MAX_REPORTED = 30;

  private static final int MAX_TEXT_CHARS = 120;

  private static final Pattern CONNECTION_ID = Pattern.compile("^\\(conn=\\d+\\) ");

  private final String side;
  private final List<String> lines = new ArrayList<>();

  Transcript(String side) {
    this.side = side;
  }

  /** The body of a comparison: the same statements whichever endpoint it is given. */
  @FunctionalInterface
  interface Body {
    void run(Endpoint endpoint, Transcript transcript) throws Exception;
  }

  /**
   * Runs {@code body} against {@code direct}, then against {@code proxy}, and asserts both
   * transcripts are equal and not empty. Returns the proxy's transcript.
   */
  static Transcript compare(Endpoint direct, Endpoint proxy, Body body) throws Exception {
    Transcript expected = new Transcript(direct.name());
    body.run(direct, expected);
    Transcript actual = new Transcript(proxy.name());
    body.run(proxy, actual);
    assertAgree(expected, actual);
    return actual;
  }

  /** {@link #compare} against the shared cluster. */
  static Transcript compare(Body body) throws Exception {
    return compare(Endpoint.direct(), Endpoint.proxy(), body);
  }

  /** Fails listing the first {@value #MAX_REPORTED} lines that differ. */
  static void assertAgree(Transcript expected, Transcript actual) {
    assertFalse(expected.lines.isEmpty(), "the test body recorded nothing");
    StringBuilder report = new StringBuilder();
    int differences = 0;
    int n = Math.max(expected.lines.size(), actual.lines.size());
    for (int i = 0; i < n && differences < MAX_REPORTED; i++) {
      String e = line(expected, i);
      String a = line(actual, i);
      if (!e.equals(a)) {
        differences++;
        report.append("\nline ").append(i).append('\n');
        report.append("  ").append(expected.side).append(": ").append(e).append('\n');
        report.append("  ").append(actual.side).append(": ").append(a);
      }
    }
    if (differences > 0) {
      fail(actual.side + " differs from " + expected.side + ":" + report);
    }
  }

  private static String line(Transcript t, int i) {
    return i < t.lines.size() ? t.lines.get(i) : "(nothing more)";
  }

  List<String> lines() {
    return List.copyOf(lines);
  }

  /** Whether a line contains {@code text}, for assertions on what the body must have seen. */
  boolean contains(String text) {
    return lines.stream().anyMatch(l -> l.contains(text));
  }

  void add(String label, Object value) {
    lines.add(label + ": " + value);
  }

  void error(String label, SQLException e) {
    lines.add(label + ": " + describe(e));
  }

  /** Runs one step, recording its error instead of failing when it throws. */
  void attempt(String label, Step step) {
    try {
      step.run();
    } catch (SQLException e) {
      error(label, e);
    }
  }

  @FunctionalInterface
  interface Step {
    void run() throws SQLException;
  }

  /**
   * Code, SQLSTATE and message. MariaDB Connector/J starts messages with "(conn=N)", the server's
   * connection id, which is Shardway's own id through the proxy; it is left out.
   */
  static String describe(SQLException e) {
    return "error " + e.getErrorCode() + " [" + e.getSQLState() + "] " + message(e);
  }

  static String message(SQLException e) {
    String message = e.getMessage();
    return message == null ? null : CONNECTION_ID.matcher(message).replaceFirst("");
  }

  /** Metadata of every column, then every row. */
  void resultSet(String label, ResultSet rs) throws SQLException {
    ResultSetMetaData md = rs.getMetaData();
    metadata(label, md);
    int row = 0;
    while (rs.next()) {
      lines.add(label + " row " + row++ + ": " + row(rs, md.getColumnCount()));
    }
    lines.add(label + " rows: " + row);
    warnings(label + " result warnings", rs.getWarnings());
  }

  void metadata(String label, ResultSetMetaData md) throws SQLException {
    for (int i = 1; i <= md.getColumnCount(); i++) {
      lines.add(label + " column " + i + ": " + column(md, i));
    }
  }

  static String column(ResultSetMetaData md, int i) throws SQLException {
    return String.join(
        " | ",
        "name=" + md.getColumnName(i),
        "label=" + md.getColumnLabel(i),
        "table=" + md.getTableName(i),
        "catalog=" + md.getCatalogName(i),
        "schema=" + md.getSchemaName(i),
        "type=" + md.getColumnType(i),
        "typeName=" + md.getColumnTypeName(i),
        "class=" + md.getColumnClassName(i),
        "precision=" + md.getPrecision(i),
        "scale=" + md.getScale(i),
        "nullable=" + md.isNullable(i),
        "signed=" + md.isSigned(i),
        "displaySize=" + md.getColumnDisplaySize(i),
        "autoIncrement=" + md.isAutoIncrement(i),
        "caseSensitive=" + md.isCaseSensitive(i));
  }

  static String row(ResultSet rs, int columns) {
    StringBuilder b = new StringBuilder();
    for (int i = 1; i <= columns; i++) {
      if (i > 1) {
        b.append(" | ");
      }
      b.append(value(rs, i));
    }
    return b.toString();
  }

  /** getObject's class and value, and getString when it says something else. */
  static String value(ResultSet rs, int i) {
    String object;
    try {
      object = render(rs.getObject(i));
    } catch (SQLException | RuntimeException e) {
      object = "getObject threw " + e.getClass().getSimpleName() + ": " + e.getMessage();
    }
    String string;
    try {
      string = rs.getString(i);
    } catch (SQLException | RuntimeException e) {
      string = "getString threw " + e.getClass().getSimpleName() + ": " + e.getMessage();
    }
    return object + " / " + (string == null ? "NULL" : '"' + text(string) + '"');
  }

  static String render(Object value) {
    if (value == null) {
      return "NULL";
    }
    if (value instanceof byte[] bytes) {
      return "byte[" + bytes.length + "] " + hex(bytes);
    }
    return value.getClass().getSimpleName() + " " + text(value.toString());
  }

  /** Short text as it is (control characters escaped), long text as length and SHA-256. */
  static String text(String s) {
    if (s.length() > MAX_TEXT_CHARS) {
      return "[" + s.length() + " chars] sha256:" + sha256(s.getBytes(StandardCharsets.UTF_8));
    }
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      if (c < 0x20) {
        b.append(String.format("\\x%02x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  static String hex(byte[] bytes) {
    return bytes.length <= MAX_HEX_BYTES
        ? HexFormat.of().formatHex(bytes)
        : "sha256:" + sha256(bytes);
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  void warnings(String label, SQLWarning warning) {
    for (SQLWarning w = warning; w != null; w = w.getNextWarning()) {
      lines.add(label + ": " + w.getErrorCode() + " [" + w.getSQLState() + "] " + message(w));
    }
  }

  /**
   * Records every result of an {@code execute}: result sets and update counts in order, until
   * {@code getMoreResults} says there are no more; an error on the way is recorded and ends it.
   */
  void results(String label, Statement statement, boolean firstIsResultSet) {
    try {
      boolean isResultSet = firstIsResultSet;
      for (int i = 0; ; i++) {
        String part = label + " result " + i;
        if (isResultSet) {
          try (ResultSet rs = statement.getResultSet()) {
            resultSet(part, rs);
          }
        } else {
          int count = statement.getUpdateCount();
          if (count == -1) {
            lines.add(label + " end after " + i + " results");
            return;
          }
          lines.add(part + " update count: " + count);
        }
        isResultSet = statement.getMoreResults();
      }
    } catch (SQLException e) {
      error(label, e);
    }
  }

  @Override
  public String toString() {
    return side + ":\n  " + String.join("\n  ", lines);
  }
}
