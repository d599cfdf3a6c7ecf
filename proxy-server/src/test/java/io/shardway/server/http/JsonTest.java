package io.shardway.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonTest {

  @Test
  void writesNestedValuesInTheirOrder() {
    assertEquals(
        "{\"b\":1,\"a\":[true,null,2.5,\"x\"],\"c\":{}}",
        Json.write(
            Json.object("b", 1, "a", Arrays.asList(true, null, 2.5, "x"), "c", Json.object())));
  }

  @Test
  void escapesWhatAStringMayNotHold() {
    assertEquals("\"q\\\"b\\\\n\\nt\\tc\\u0001é\"", Json.write("q\"b\\n\nt\tc\u0001é"));
  }

  @Test
  void numbersJsonCannotHoldAreNull() {
    assertEquals("[null,null]", Json.write(List.of(Double.NaN, Double.POSITIVE_INFINITY)));
  }

  @Test
  void refusesWhatItCannotWrite() {
    assertThrows(IllegalArgumentException.class, () -> Json.write(new Object()));
    assertThrows(IllegalArgumentException.class, () -> Json.object("lonely"));
  }
}
