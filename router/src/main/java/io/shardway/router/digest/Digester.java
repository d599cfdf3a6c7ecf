package io.shardway.router.digest;

import io.shardway.router.HintComments;
import io.shardway.router.Hints;
import io.shardway.router.lex.SqlLexer;
import io.shardway.router.lex.StringEscapes;
import io.shardway.router.lex.Token;
import io.shardway.router.lex.TokenType;
import io.shardway.router.shard.ShardKey;
import io.shardway.router.shard.ShardKeyException;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes the {@link StatementDigest} of one text, over the tokens of one lexer pass.
 *
 * <p>The digest must lex as the text does, with {@code ?} for the literals it replaced, so that a
 * plan made from it sees the same statement. So two tokens are separated by one space where the
 * text separates them, and by nothing where it does not; comments go but still separate; and what
 * the lexer skips besides whitespace, the delimiters and version of executable comments ({@code
 * /*!50700}, <code>*&#47;</code>), stays, because the planner refuses a versioned comment.
 */
final class Digester {

  private final String sql;
  private final List<Token> tokens;
  private final StringBuilder text;
  private final List<Slot> slots = new ArrayList<>();
  private final ValuePositions positions = new ValuePositions();
  private int placeholders;

  /** The end of the source digested so far. */
  private int end;

  /** Whether the source separates what comes next from what the digest holds so far. */
  private boolean separated;

  /** Whether the digest ends with a line comment, which only a newline ends. */
  private boolean afterLineComment;

  /** The last token that is no comment, or null at the start. */
  private Token previous;

  Digester(String sql) {
    this.sql = sql;
    this.tokens = SqlLexer.tokenize(sql);
    this.text = new StringBuilder(sql.length());
  }

  StatementDigest digest() {
    int i = 0;
    while (i < tokens.size()) {
      Token token = tokens.get(i);
      skipped(token.start());
      if (token.type() == TokenType.COMMENT) {
        comment(token);
        i++;
        continue;
      }
      int last = literal(i);
      if (last < 0) {
        last = i;
        if (token.type() == TokenType.PLACEHOLDER) {
          slots.add(new Slot.Placeholder(placeholders++));
        }
        append(token.start(), token.end());
      } else {
        append("?");
      }
      positions.advance(token, previous);
      previous = tokens.get(last);
      end = previous.end();
      i = last + 1;
    }
    skipped(sql.length());
    return new StatementDigest(text.toString(), slots, placeholders);
  }

  /**
   * Replaces the literal that starts at token {@code i} with a slot, if it is a value, and returns
   * the index of its last token; -1 when there is none to replace.
   */
  private int literal(int i) {
    int last = literalEnd(i);
    if (last < 0 || !positions.startsValue(previous)) {
      return -1;
    }
    Token token = tokens.get(i);
    Token literal = tokens.get(last);
    boolean quoted = literal.type() == TokenType.STRING;
    String value =
        quoted ? stringValue(literal) : (token.isOperator("-") ? "-" : "") + literal.text();
    if (value == null || !isWhole(last, quoted) || (!quoted && !isReadable(value))) {
      return -1;
    }
    slots.add(new Slot.Literal(value, quoted));
    return last;
  }

  /** The index of the last token of the literal that starts at token {@code i}, or -1. */
  private int literalEnd(int i) {
    Token token = tokens.get(i);
    Token next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
    return switch (token.type()) {
      case NUMBER, HEX_LITERAL, BIT_LITERAL, STRING -> i;
      // A unary sign belongs to its number: MySQL and JSqlParser read -5 as one value.
      case OPERATOR ->
          ValuePositions.isSign(token) && adjacent(token, next, TokenType.NUMBER) ? i + 1 : -1;
      // A character set introducer belongs to its string: _utf8mb4'x' is one value.
      case IDENTIFIER ->
          sql.charAt(token.start()) == '_'
                  && adjacent(token, next, TokenType.STRING)
                  && sql.charAt(next.start()) == '\''
              ? i + 1
              : -1;
      default -> -1;
    };
  }

  /**
   * Whether the literal that ends at token {@code last} is one value: not a string that the next
   * string continues ({@code 'a' 'b'} is {@code 'ab'}), nor the bound of a window frame ({@code 1
   * PRECEDING}), which must be a literal.
   */
  private boolean isWhole(int last, boolean quoted) {
    Token next = significant(last + 1);
    if (next == null) {
      return true;
    }
    if (quoted && next.type() == TokenType.STRING) {
      return false;
    }
    return !next.is("PRECEDING") && !next.is("FOLLOWING");
  }

  /**
   * The content of a single-quoted string with its escapes resolved, also after {@code N}; null for
   * a double-quoted one, which JSqlParser reads as a name, as MySQL does with ANSI_QUOTES.
   */
  private String stringValue(Token string) {
    int quote = sql.charAt(string.start()) == '\'' ? string.start() : string.start() + 1;
    if (sql.charAt(quote) != '\'') {
      return null;
    }
    return StringEscapes.resolve(sql.substring(quote + 1, string.end() - 1));
  }

  /**
   * Whether {@code next} has type {@code type} and only whitespace lies between it and {@code
   * token}.
   */
  private boolean adjacent(Token token, Token next, TokenType type) {
    if (next == null || next.type() != type) {
      return false;
    }
    for (int i = token.end(); i < next.start(); i++) {
      if (sql.charAt(i) > ' ') {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether a shard key can be read from the number literal {@code value}: one that cannot ({@code
   * 1e99999999999}, {@code X'1G'}) is no key to the planner either, so it stays as written.
   */
  private static boolean isReadable(String value) {
    try {
      ShardKey.of(value, false);
      return true;
    } catch (ShardKeyException e) {
      return false;
    }
  }

  /** The first token from index {@code i} that is no comment, or null. */
  private Token significant(int i) {
    for (int j = i; j < tokens.size(); j++) {
      if (tokens.get(j).type() != TokenType.COMMENT) {
        return tokens.get(j);
      }
    }
    return null;
  }

  /** Keeps a comment that holds {@link Hints}, which the proxy acts on; drops any other. */
  private void comment(Token comment) {
    if (HintComments.read(comment, Hints.NONE) != Hints.NONE) {
      append(comment.start(), comment.end());
      afterLineComment = sql.charAt(comment.start()) != '/';
    }
    separated = true;
    end = comment.end();
  }

  /**
   * Digests the source the lexer skipped before {@code to}: whitespace, which separates, and the
   * delimiters of executable comments, which stay.
   */
  private void skipped(int to) {
    int i = end;
    while (i < to) {
      if (sql.charAt(i) <= ' ') {
        separated = true;
        i++;
        continue;
      }
      int start = i;
      while (i < to && sql.charAt(i) > ' ') {
        i++;
      }
      separated = true;
      append(start, i);
      separated = true;
    }
    end = to;
  }

  private void append(int start, int stop) {
    if (start == stop) {
      return; // the empty error token of an executable comment that never ends
    }
    separate();
    text.append(sql, start, stop);
  }

  private void append(String piece) {
    separate();
    text.append(piece);
  }

  private void separate() {
    if (separated && !text.isEmpty()) {
      text.append(afterLineComment ? '\n' : ' ');
    }
    separated = false;
    afterLineComment = false;
  }
}
