package io.shardway.server.session;

import io.shardway.protocol.BinaryDateTime;
import io.shardway.protocol.BinaryTime;
import io.shardway.protocol.ColumnType;
import io.shardway.router.lex.SqlLexer;
import io.shardway.router.lex.Token;
import io.shardway.router.lex.TokenType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

/**
 * A prepared statement's text with each {@code ?} replaced by a literal of its bound value, for
 * what Shardway must read from the text itself (an INSERT split over shard groups).
 *
 * <p>Each literal means what the server makes of the bound value (sql_prepare.cc): numbers keep
 * their type, a string parameter is text in character_set_client, a BLOB parameter binary. No
 * literal holds a backslash, so it reads the same with and without NO_BACKSLASH_ESCAPES; a string
 * the router could not read back exactly goes in hex.
 */
final class ParameterLiterals {
  private ParameterLiterals() {}

  /**
   * @param values as {@link io.shardway.protocol.StmtExecuteParameters} decodes them
   * @param types two bytes per parameter, as bound
   * @param charset the session's character set, which string parameters are sent in
   * @param charsetName its MySQL name; null when not known
   * @throws IllegalArgumentException for a value no literal stands for exactly, or when the text
   *     does not have one {@code ?} per value
   */
  static String inline(
      String sql, List<Object> values, byte[] types, Charset charset, String charsetName) {
    StringBuilder text = new StringBuilder(sql.length() + 16 * values.size());
    int copied = 0;
    int index = 0;
    for (Token token : SqlLexer.tokenize(sql)) {
      if (token.type() != TokenType.PLACEHOLDER) {
        continue;
      }
      if (index == values.size()) {
        throw new IllegalArgumentException(
            "placeholders: more than " + values.size() + " (expected: one per bound value)");
      }
      text.append(sql, copied, token.start());
      String literal = of(values.get(index), types[2 * index] & 0xFF, charset, charsetName);
      // "1--5" would start a comment in some readers.
      if (literal.startsWith("-") && text.length() > 0 && text.charAt(text.length() - 1) == '-') {
        text.append(' ');
      }
      text.append(literal);
      copied = token.end();
      index++;
    }
    if (index != values.size()) {
      throw new IllegalArgumentException(
          "placeholders: " + index + " (expected: " + values.size() + ", one per bound value)");
    }
    return text.append(sql, copied, sql.length()).toString();
  }

  /** The literal of one bound value of parameter type {@code type}. */
  static String of(Object value, int type, Charset charset, String charsetName) {
    if (value == null) {
      return "NULL";
    }
    if (value instanceof Integer || value instanceof Long || value instanceof BigInteger) {
      return value.toString();
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.toPlainString();
    }
    if (value instanceof Float number) {
      // The server widens a FLOAT parameter to a double.
      return doubleLiteral(number.doubleValue());
    }
    if (value instanceof Double number) {
      return doubleLiteral(number);
    }
    if (value instanceof BinaryDateTime dateTime) {
      String text = dateTime.toString();
      return "'" + (type == ColumnType.DATE ? text.substring(0, text.indexOf(' ')) : text) + "'";
    }
    if (value instanceof BinaryTime time) {
      return "'" + time + "'";
    }
    if (value instanceof byte[] bytes) {
      return isBlob(type) ? binary(bytes) : text(bytes, charset, charsetName);
    }
    throw new IllegalArgumentException("parameter value of " + value.getClass().getSimpleName());
  }

  /**
   * Java's shortest text that reads back as the same double, with an exponent always: MySQL reads
   * {@code 1.5} as a DECIMAL, {@code 1.5E0} as a DOUBLE.
   */
  private static String doubleLiteral(double number) {
    if (Double.isNaN(number) || Double.isInfinite(number)) {
      throw new IllegalArgumentException("a DOUBLE parameter of " + number);
    }
    String text = Double.toString(number);
    return text.indexOf('E') < 0 ? text + "E0" : text;
  }

  private static String binary(byte[] bytes) {
    return isPlainAscii(bytes)
        ? "_binary'" + quoted(new String(bytes, StandardCharsets.US_ASCII)) + "'"
        : "CONVERT(" + hex(bytes) + " USING binary)";
  }

  /**
   * A quoted literal when the text holds no control character or backslash and comes back as the
   * same bytes (ASCII, or valid UTF-8 in a UTF-8 session); else the bytes in hex, read in the
   * session's character set.
   */
  private static String text(byte[] bytes, Charset charset, String charsetName) {
    if (isPlainAscii(bytes)) {
      return "'" + quoted(new String(bytes, StandardCharsets.US_ASCII)) + "'";
    }
    if (charset.equals(StandardCharsets.UTF_8)) {
      String decoded = strictUtf8(bytes);
      if (decoded != null && decoded.chars().noneMatch(c -> c < 0x20 || c == 0x7F || c == '\\')) {
        return "'" + quoted(decoded) + "'";
      }
    }
    if (charsetName == null || !charsetName.matches("[A-Za-z0-9_]+")) {
      throw new IllegalArgumentException(
          "a string parameter in an unknown character set (" + charsetName + ")");
    }
    return "CONVERT(" + hex(bytes) + " USING " + charsetName + ")";
  }

  private static boolean isPlainAscii(byte[] bytes) {
    for (byte b : bytes) {
      if (b < 0x20 || b == 0x7F || b == '\\') {
        return false;
      }
    }
    return true;
  }

  /** Doubled quotes mean a quote whatever the SQL mode; backslashes never get here. */
  private static String quoted(String text) {
    return text.replace("'", "''");
  }

  private static String strictUtf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static String hex(byte[] bytes) {
    return "X'" + HexFormat.of().formatHex(bytes) + "'";
  }

  /** The types the server takes as binary strings; every other string type is text. */
  private static boolean isBlob(int type) {
    return type == ColumnType.TINY_BLOB
        || type == ColumnType.MEDIUM_BLOB
        || type == ColumnType.LONG_BLOB
        || type == ColumnType.BLOB;
  }
}
