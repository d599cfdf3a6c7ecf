package io.shardway.server.it;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** What one statement gave a client: rows, an update count, or an error. */
sealed interface Outcome {

  /** MySQL's ER_NOT_SUPPORTED_YET, the one error Shardway may give instead of an answer. */
  int NOT_SUPPORTED_YET = 1235;

  /** How many rows a description shows before it says how many it left out. */
  int ROWS_SHOWN = 8;

  /** A short description for failure messages: long results are cut. */
  String describe();

  record Column(String label, String typeName) {
    @Override
    public String toString() {
      return label + " " + typeName;
    }
  }

  /**
   * A result set read to the end.
   *
   * @param values each row, each value as {@link ResultSet#getString} gives it (null for NULL)
   * @param valueClasses per column, the class {@link ResultSet#getObject} gives for the first value
   *     that is not NULL; null where every value is NULL
   */
  record Rows(List<Column> columns, List<List<String>> values, List<String> valueClasses)
      implements Outcome {

    static Rows read(ResultSet rows) throws SQLException {
      ResultSetMetaData meta = rows.getMetaData();
      int count = meta.getColumnCount();
      List<Column> columns = new ArrayList<>(count);
      for (int i = 1; i <= count; i++) {
        columns.add(new Column(meta.getColumnLabel(i), meta.getColumnTypeName(i)));
      }
      String[] classes = new String[count];
      List<List<String>> values = new ArrayList<>();
      while (rows.next()) {
        String[] row = new String[count];
        for (int i = 0; i < count; i++) {
          row[i] = rows.getString(i + 1);
          if (classes[i] == null && row[i] != null) {
            classes[i] = rows.getObject(i + 1).getClass().getName();
          }
        }
        values.add(Arrays.asList(row));
      }
      return new Rows(List.copyOf(columns), values, Arrays.asList(classes));
    }

    @Override
    public String describe() {
      return columns + " " + describe(values);
    }

    /** Up to {@link #ROWS_SHOWN} rows and the number of the others. */
    static String describe(List<List<String>> rows) {
      String shown =
          rows.stream().limit(ROWS_SHOWN).map(Rows::describeRow).collect(Collectors.joining(", "));
      int more = rows.size() - Math.min(rows.size(), ROWS_SHOWN);
      return rows.size() + " rows [" + shown + (more > 0 ? ", … " + more + " more" : "") + "]";
    }

    /** A row with its strings quoted, so that trailing spaces and NULLs show. */
    static String describeRow(List<String> row) {
      return row.stream()
          .map(value -> value == null ? "NULL" : "'" + value + "'")
          .collect(Collectors.joining(", ", "(", ")"));
    }
  }

  record Updated(long count) implements Outcome {
    @Override
    public String describe() {
      return count + " rows affected";
    }
  }

  record Failed(int code, String sqlState, String message) implements Outcome {
    static Failed of(SQLException e) {
      return new Failed(e.getErrorCode(), e.getSQLState(), e.getMessage());
    }

    /** Whether this is Shardway saying it cannot answer yet, which the rule allows. */
    boolean refused() {
      return code == NOT_SUPPORTED_YET;
    }

    @Override
    public String describe() {
      return "error " + code + " (" + sqlState + "): " + message;
    }
  }
}
