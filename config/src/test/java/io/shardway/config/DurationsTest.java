package io.shardway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

  @ParameterizedTest
  @CsvSource({
    "500ms, PT0.5S",
    "0s, PT0S",
    "2s, PT2S",
    "5m, PT5M",
    "1h, PT1H",
    "1d, PT24H",
    "90m, PT1H30M",
  })
  void parses(String text, Duration duration) {
    assertEquals(duration, Durations.parse(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "30", "s", "-1s", "1.5s", "2 s", "2S", "1w", "1h30m", "PT1S"})
  void rejectsWhatIsNotADuration(String text) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Durations.parse(text));

    assertEquals(
        "expected a duration like 500ms, 2s, 5m, 1h or 1d, got \"" + text + "\"", e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"999999999999999999d", "99999999999999999999ms"})
  void rejectsDurationsBeyondJavaTime(String text) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Durations.parse(text));

    assertEquals("duration is too long, got \"" + text + "\"", e.getMessage());
  }
}
