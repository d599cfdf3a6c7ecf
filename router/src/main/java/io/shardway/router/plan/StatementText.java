package io.shardway.router.plan;

import io.shardway.router.Identifiers;
import io.shardway.router.lex.SqlLexer;
import io.shardway.router.lex.Token;
import io.shardway.router.lex.TokenType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@link SqlLexer} tells about a statement text before any parsing, and the text to parse.
 *
 * <p>JSqlParser's lexer and MySQL's disagree on comments: JSqlParser drops the content of
 * executable comments ({@code /*! STRAIGHT_JOIN *&#47;}), which MySQL runs, and starts a comment at
 * {@code --1}, which MySQL reads as minus minus one. Either could hide a condition on a shard key
 * from the analysis. So JSqlParser gets the tokens of {@link SqlLexer}, which follows MySQL,
 * without comments and executable comment delimiters, and with a space between two operators.
 *
 * <p>Most statements name no table outside the default group and are never parsed; they pay for one
 * lexing pass and a lookup per name.
 *
 * @param tokens the tokens without comments
 * @param parameterCount the number of {@code ?} placeholders
 * @param mentions every name that may be a table outside the default group (not followed by a dot,
 *     not after {@code AS}, qualified by the name before a dot), with the number of times it
 *     appears, in order of appearance
 * @param mentioned the first of them in words, such as {@code the sharded table users}; empty when
 *     there is none
 * @param versionedComment whether the text holds an executable comment with a server version
 *     ({@code /*!50700 … *&#47;}), whose content the server skips when it is older
 */
record StatementText(
    List<Token> tokens,
    int parameterCount,
    Map<TableName, Integer> mentions,
    String mentioned,
    boolean versionedComment) {

  StatementText {
    tokens = List.copyOf(tokens);
    mentions = Collections.unmodifiableMap(new LinkedHashMap<>(mentions));
  }

  static StatementText of(String sql, Layouts layouts) {
    SqlLexer lexer = new SqlLexer(sql);
    List<Token> significant = new ArrayList<>();
    boolean versioned = false;
    int parameters = 0;
    int end = 0;
    for (Token token = lexer.next(); token.type() != TokenType.EOF; token = lexer.next()) {
      versioned |= skipsVersion(sql, end, token.start());
      end = token.end();
      if (token.type() != TokenType.COMMENT) {
        significant.add(token);
        parameters += token.type() == TokenType.PLACEHOLDER ? 1 : 0;
      }
    }
    versioned |= skipsVersion(sql, end, sql.length());
    Map<TableName, Integer> mentions = mentions(significant, layouts);
    String mentioned =
        mentions.isEmpty() ? "" : describe(mentions.keySet().iterator().next(), layouts);
    return new StatementText(significant, parameters, mentions, mentioned, versioned);
  }

  /** The text for JSqlParser. */
  String parsable() {
    return text(0, tokens.size());
  }

  /**
   * The tokens from {@code from} to {@code to} (exclusive) as {@link #parsable} writes them, with
   * the space it writes before the first: pieces of it, to be put together in another order.
   */
  String text(int from, int to) {
    StringBuilder text = new StringBuilder();
    Token previous = from == 0 ? null : tokens.get(from - 1);
    for (Token token : tokens.subList(from, to)) {
      if (previous != null && needsSpace(previous, token)) {
        text.append(' ');
      }
      text.append(token.source(), token.start(), token.end());
      previous = token;
    }
    return text.toString();
  }

  /** The first word, upper case, for messages; empty when the text starts otherwise. */
  String firstWord() {
    return !tokens.isEmpty() && tokens.get(0).type() == TokenType.IDENTIFIER
        ? tokens.get(0).text().toUpperCase(Locale.ROOT)
        : "";
  }

  /**
   * Whether the characters between two tokens, which the lexer skipped, hold the version number of
   * an executable comment: there, only whitespace and comment delimiters can be.
   */
  private static boolean skipsVersion(String sql, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = sql.charAt(i);
      if (c >= '0' && c <= '9') {
        return true;
      }
    }
    return false;
  }

  private static boolean needsSpace(Token previous, Token token) {
    return token.start() > previous.end()
        || (previous.type() == TokenType.OPERATOR && token.type() == TokenType.OPERATOR);
  }

  private static Map<TableName, Integer> mentions(List<Token> tokens, Layouts layouts) {
    TableLayout home = new TableLayout.Unsharded(layouts.defaultGroup());
    Map<TableName, Integer> mentions = new LinkedHashMap<>();
    for (int i = 0; i < tokens.size(); i++) {
      boolean alias = i > 0 && tokens.get(i - 1).is("AS");
      if (!isName(tokens, i) || isType(tokens, i + 1, TokenType.DOT) || alias) {
        continue;
      }
      String schema =
          isType(tokens, i - 1, TokenType.DOT) && isName(tokens, i - 2)
              ? normalized(tokens.get(i - 2))
              : null;
      TableName name = new TableName(schema, normalized(tokens.get(i)));
      if (!layouts.layout(name.schema(), name.name()).equals(home)) {
        mentions.merge(name, 1, Integer::sum);
      }
    }
    return mentions;
  }

  /** A name as {@link Layouts} takes it; a double-quoted one without its quotes. */
  private static String normalized(Token name) {
    String text = name.text();
    return name.type() == TokenType.STRING
        ? text.substring(1, text.length() - 1).replace("\"\"", "\"").toLowerCase(Locale.ROOT)
        : Identifiers.normalized(text);
  }

  private static String describe(TableName name, Layouts layouts) {
    return new TableRef(name, null, layouts.layout(name.schema(), name.name())).describe();
  }

  /**
   * A name, or a double-quoted string, which is a name when the session sets ANSI_QUOTES: the
   * router cannot see which, so it looks the string up too.
   */
  private static boolean isName(List<Token> tokens, int i) {
    return isType(tokens, i, TokenType.IDENTIFIER)
        || isType(tokens, i, TokenType.QUOTED_IDENTIFIER)
        || (isType(tokens, i, TokenType.STRING) && tokens.get(i).text().startsWith("\""));
  }

  private static boolean isType(List<Token> tokens, int i, TokenType type) {
    return i >= 0 && i < tokens.size() && tokens.get(i).type() == type;
  }
}
