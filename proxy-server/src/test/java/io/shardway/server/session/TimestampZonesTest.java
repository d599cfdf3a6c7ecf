package io.shardway.server.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimestampZonesTest {

  @ParameterizedTest
  @CsvSource({
    "+00:00, true",
    "-05:30, true",
    "+5:00, true",
    "UTC, true",
    "Etc/UTC, true",
    "utc, true",
    "GMT, false",
    "CET, false",
    "EST, false",
    "Europe/Berlin, false",
    "SYSTEM, false",
    "'', false"
  })
  void onlyOffsetsAndUtcAreFixed(String zone, boolean fixed) {
    assertEquals(fixed, TimestampZones.isFixed(zone), zone);
  }

  @Test
  void anUnknownZoneIsNotFixed() {
    assertFalse(TimestampZones.isFixed(null));
  }
}
