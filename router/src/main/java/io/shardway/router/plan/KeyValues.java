package io.shardway.router.plan;

import io.shardway.router.plan.KeyValue.Literal;
import io.shardway.router.plan.KeyValue.Parameter;
import io.shardway.router.shard.ShardKey;
import io.shardway.router.shard.ShardKeyException;
import net.sf.jsqlparser.expression.DoubleValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.HexValue;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.NullValue;
import net.sf.jsqlparser.expression.SignedExpression;
import net.sf.jsqlparser.expression.StringValue;

/**
 * Reads an expression that is a literal or a {@code ?} into a {@link KeyValue}, the way MySQL reads
 * the literal with its default SQL mode (backslash escapes on, {@code "…"} not a string here since
 * JSqlParser takes it for a name).
 */
final class KeyValues {

  private KeyValues() {}

  /**
   * The value of {@code expression}, or null when it is not a literal or a {@code ?}, or is a
   * literal that no shard key can stand for ({@code 1e99999999999}, a date, {@code TRUE}).
   */
  static KeyValue of(Expression expression) {
    if (expression instanceof JdbcParameter parameter) {
      // ?1 is not MySQL syntax: no index to trust.
      boolean numbered = parameter.isUseFixedIndex() || parameter.getIndex() == null;
      return numbered ? null : new Parameter(parameter.getIndex() - 1);
    }
    if (expression instanceof NullValue) {
      return new Literal(null);
    }
    if (expression instanceof StringValue string) {
      return string(string);
    }
    String number = numberText(expression);
    return number == null ? null : literal(number, false);
  }

  private static String numberText(Expression expression) {
    if (expression instanceof LongValue value) {
      return value.getStringValue();
    }
    if (expression instanceof DoubleValue value) {
      return value.toString();
    }
    if (expression instanceof HexValue value) {
      return value.getValue().trim();
    }
    if (expression instanceof SignedExpression signed
        && (signed.getExpression() instanceof LongValue
            || signed.getExpression() instanceof DoubleValue)) {
      char sign = signed.getSign();
      String digits = numberText(signed.getExpression());
      return sign == '-' ? "-" + digits : sign == '+' ? digits : null;
    }
    return null;
  }

  /**
   * A string literal, also with {@code N} or a character set introducer ({@code _utf8mb4'x'}); and
   * the bit literal {@code b'101'}, which JSqlParser reads as a string with a prefix.
   */
  private static KeyValue string(StringValue string) {
    String prefix = string.getPrefix();
    if (prefix != null && prefix.equalsIgnoreCase("B")) {
      return literal("b'" + string.getValue() + "'", false);
    }
    boolean text = prefix == null || prefix.equalsIgnoreCase("N") || prefix.startsWith("_");
    if (!text || !"'".equals(string.getQuoteStr())) {
      return null;
    }
    return literal(unescaped(string.getValue()), true);
  }

  /**
   * The content of a single-quoted literal as MySQL reads it: {@code ''} and {@code \'} are a
   * quote, {@code \n} a newline and so on, while {@code \%} and {@code \_} keep their backslash
   * (they are escapes for LIKE patterns).
   */
  static String unescaped(String raw) {
    StringBuilder content = new StringBuilder(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '\'' && i + 1 < raw.length() && raw.charAt(i + 1) == '\'') {
        i++;
      } else if (c == '\\' && i + 1 < raw.length()) {
        c = raw.charAt(++i);
        switch (c) {
          case '0' -> c = '\0';
          case 'b' -> c = '\b';
          case 'n' -> c = '\n';
          case 'r' -> c = '\r';
          case 't' -> c = '\t';
          case 'Z' -> c = '\u001A';
          case '%', '_' -> content.append('\\');
          default -> {}
        }
      }
      content.append(c);
    }
    return content.toString();
  }

  private static KeyValue literal(String text, boolean quoted) {
    try {
      return new Literal(ShardKey.of(text, quoted));
    } catch (ShardKeyException e) {
      return null;
    }
  }
}
