package io.shardway.router.lex;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StringEscapesTest {

  @Test
  void resolvesMySqlEscapes() {
    assertEquals("it's", StringEscapes.resolve("it''s"));
    assertEquals("it's \"q\"", StringEscapes.resolve("it\\'s \\\"q\\\""));
    assertEquals("a\nb\tc\rd\0e\u001Af\bg", StringEscapes.resolve("a\\nb\\tc\\rd\\0e\\Zf\\bg"));
    assertEquals("back\\slash", StringEscapes.resolve("back\\\\slash"));
    assertEquals("100\\% \\_x", StringEscapes.resolve("100\\% \\_\\x"));
  }
}
