package io.shardway.router.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.shardway.router.plan.KeyValue.Literal;
import io.shardway.router.plan.KeyValue.Parameter;
import io.shardway.router.shard.ShardKey;
import java.util.stream.Stream;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class KeyValuesTest {

  private static Expression expression(String sql) throws JSQLParserException {
    return CCJSqlParserUtil.parseExpression(sql);
  }

  static Stream<Arguments> literals() {
    return Stream.of(
        Arguments.of("42", ShardKey.ofLong(42)),
        Arguments.of("-7", ShardKey.ofLong(-7)),
        Arguments.of("+7", ShardKey.ofLong(7)),
        Arguments.of("1e3", ShardKey.ofLong(1000)),
        Arguments.of("2.50", ShardKey.of("2.5", false)),
        Arguments.of("18446744073709551616", ShardKey.of("18446744073709551616", false)),
        Arguments.of("0x2A", ShardKey.ofLong(42)),
        Arguments.of("X'2A'", ShardKey.ofLong(42)),
        Arguments.of("b'101'", ShardKey.ofLong(5)),
        Arguments.of("0b101", ShardKey.ofLong(5)),
        Arguments.of("'42'", ShardKey.ofLong(42)),
        Arguments.of("'Abc '", ShardKey.of("abc", true)),
        Arguments.of("N'abc'", ShardKey.of("abc", true)),
        Arguments.of("_utf8mb4'abc'", ShardKey.of("abc", true)),
        Arguments.of("'it''s'", ShardKey.of("it's", true)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("literals")
  void readsLiterals(String sql, ShardKey expected) throws JSQLParserException {
    assertEquals(new Literal(expected), KeyValues.of(expression(sql)));
  }

  @Test
  void readsNullAndPlaceholders() throws JSQLParserException {
    assertEquals(new Literal(null), KeyValues.of(expression("NULL")));
    JdbcParameter third = new JdbcParameter();
    third.setIndex(3);
    assertEquals(new Parameter(2), KeyValues.of(third));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "id",
        "0B101",
        "0b102",
        "t.0b1",
        "\"42\"",
        "1 + 1",
        "-(1)",
        "~1",
        "TRUE",
        "DATE '2024-01-01'",
        "NOW()",
        "?1"
      })
  void otherExpressionsAreNoValue(String sql) throws JSQLParserException {
    assertNull(KeyValues.of(expression(sql)));
  }

  @Test
  void numberedPlaceholdersAreNoValue() {
    JdbcParameter numbered = new JdbcParameter(1, true, "?");
    assertNull(KeyValues.of(numbered));
  }
}
