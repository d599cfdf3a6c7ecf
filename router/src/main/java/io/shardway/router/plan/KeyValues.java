package io.shardway.router.plan;

import io.shardway.router.lex.StringEscapes;
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
import net.sf.jsqlparser.schema.Column;

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
    if (expression instanceof Column column && isBitLiteral(column)) {
      return literal(column.getColumnName(), false);
    }
    String number = numberText(expression);
    return number == null ? null : literal(number, false);
  }

  /**
   * Whether {@code column} is a bit literal such as {@code 0b101}, which MySQL reads as a number
   * and JSqlParser as the name of a column: unqualified, {@code 0b} in lower case, binary digits.
   */
  private static boolean isBitLiteral(Column column) {
    String name = column.getColumnName();
    if (column.getTable() != null || name.length() < 3 || !name.startsWith("0b")) {
      return false;
    }
    for (int i = 2; i < name.length(); i++) {
      if (name.charAt(i) != '0' && name.charAt(i) != '1') {
        return false;
      }
    }
    return true;
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
    return literal(StringEscapes.resolve(string.getValue()), true);
  }

  private static KeyValue literal(String text, boolean quoted) {
    try {
      return new Literal(ShardKey.of(text, quoted));
    } catch (ShardKeyException e) {
      return null;
    }
  }
}
