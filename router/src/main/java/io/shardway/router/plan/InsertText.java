package io.shardway.router.plan;

import io.shardway.router.lex.Token;
import io.shardway.router.lex.TokenType;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the rows of an INSERT … VALUES, or the assignments of an INSERT … SET, lie among the tokens
 * of its text, so that the statement of one group can be written from the client's own tokens: a
 * string keeps its escapes, a number its spelling, an expression its form. JSqlParser's deparser
 * would respell some literals ({@code b'1'} as {@code B'1'}), and writes {@code PARTITION (p0)}
 * after the column list, where MySQL does not take it.
 *
 * <p>A part keeps everything around the rows as it is (modifiers, PARTITION, the row alias, ON
 * DUPLICATE KEY UPDATE); only its rows differ, and the generated key, when there is one, is added
 * last to the column list and to each row, or to the end of the SET list. Last, because MySQL reads
 * a column named in a value from the values set before it in the row: an expression that names the
 * key still reads the key's default, as it would without Shardway.
 */
final class InsertText {

  /** Tokens {@code [start, end)}; the last is the row's closing parenthesis. */
  private record Span(int start, int end) {}

  private final StatementText text;
  private final boolean set;
  private final int columnsEnd;
  private final List<Span> rows;

  /**
   * @param set whether it is the SET form, whose one row is the assignment list
   * @param columnsEnd the closing parenthesis of the column list; -1 when there is none
   */
  private InsertText(StatementText text, boolean set, int columnsEnd, List<Span> rows) {
    this.text = text;
    this.set = set;
    this.columnsEnd = columnsEnd;
    this.rows = List.copyOf(rows);
  }

  /**
   * Finds the rows of {@code parts}, the statement of {@code text}.
   *
   * @param into the statement, for messages: {@code an INSERT into users}
   * @throws Refusal if the tokens do not hold the rows the syntax tree does
   */
  static InsertText of(StatementText text, InsertParts parts, String into) {
    List<Token> tokens = text.tokens();
    boolean set = parts.sets() != null;
    int keyword = firstAtTopLevel(tokens, 0, set ? "SET" : "VALUES", set ? "SET" : "VALUE");
    List<Span> rows =
        set
            ? List.of(new Span(keyword + 1, firstAtTopLevel(tokens, keyword + 1, "ON", "AS")))
            : rows(tokens, keyword + 1);
    boolean columns = keyword > 0 && tokens.get(keyword - 1).type() == TokenType.RIGHT_PAREN;
    boolean found = keyword < tokens.size() && rows.size() == parts.rowCount();
    if (!found || parts.columns() != null && !columns) {
      throw new Refusal(into + " whose rows Shardway cannot find in its text");
    }
    return new InsertText(text, set, parts.columns() == null ? -1 : keyword - 1, rows);
  }

  /**
   * The statement with only {@code rowIndexes}, in that order.
   *
   * @param rowIndexes indexes of the rows to keep, from 0
   * @param keyColumn the shard key column to add, lower case; null to add none
   * @param firstKey the key of row 0 when {@code keyColumn} is added: row {@code i} gets {@code
   *     firstKey + i}
   */
  String part(List<Integer> rowIndexes, String keyColumn, long firstKey) {
    boolean adding = keyColumn != null;
    int size = text.tokens().size();
    if (set) {
      String key = adding ? ", " + quoted(keyColumn) + " = " + firstKey : "";
      return withAdded(0, rows.get(0).end(), size, key);
    }
    int rowsStart = rows.get(0).start();
    StringBuilder sql =
        new StringBuilder(
            adding
                ? withAdded(0, columnsEnd, rowsStart, ", " + quoted(keyColumn))
                : text.text(0, rowsStart));
    String separator = " ";
    for (int index : rowIndexes) {
      Span row = rows.get(index);
      String key = adding ? ", " + (firstKey + index) : "";
      sql.append(separator).append(withAdded(row.start(), row.end() - 1, row.end(), key).strip());
      separator = ", ";
    }
    return sql.append(text.text(rows.get(rows.size() - 1).end(), size)).toString();
  }

  /** Tokens {@code [from, to)} with {@code added} written before token {@code at}. */
  private String withAdded(int from, int at, int to, String added) {
    return text.text(from, at) + added + text.text(at, to);
  }

  /** A column name in backticks, which MySQL reads as a name whatever it spells. */
  private static String quoted(String column) {
    return "`" + column.replace("`", "``") + "`";
  }

  /**
   * The rows of VALUES from {@code from}: each {@code (…)} or {@code ROW(…)}, separated by commas.
   */
  private static List<Span> rows(List<Token> tokens, int from) {
    List<Span> rows = new ArrayList<>();
    int i = from;
    while (true) {
      int start = i;
      if (i < tokens.size() && tokens.get(i).is("ROW")) {
        i++;
      }
      if (i >= tokens.size() || tokens.get(i).type() != TokenType.LEFT_PAREN) {
        return List.of(); // not rows as the syntax tree has them: the caller refuses
      }
      i = closing(tokens, i) + 1;
      rows.add(new Span(start, i));
      if (i >= tokens.size() || tokens.get(i).type() != TokenType.COMMA) {
        return rows;
      }
      i++;
    }
  }

  /** The parenthesis that closes the one at {@code open}; the last token when none does. */
  private static int closing(List<Token> tokens, int open) {
    int depth = 0;
    for (int i = open; i < tokens.size(); i++) {
      TokenType type = tokens.get(i).type();
      depth += type == TokenType.LEFT_PAREN ? 1 : type == TokenType.RIGHT_PAREN ? -1 : 0;
      if (depth == 0) {
        return i;
      }
    }
    return tokens.size() - 1;
  }

  /**
   * The first token from {@code from} outside parentheses that is one of the keywords; the number
   * of tokens when there is none.
   */
  private static int firstAtTopLevel(List<Token> tokens, int from, String... keywords) {
    int depth = 0;
    for (int i = from; i < tokens.size(); i++) {
      Token token = tokens.get(i);
      depth +=
          token.type() == TokenType.LEFT_PAREN ? 1 : token.type() == TokenType.RIGHT_PAREN ? -1 : 0;
      for (String keyword : keywords) {
        if (depth == 0 && token.is(keyword)) {
          return i;
        }
      }
    }
    return tokens.size();
  }
}
