package io.shardway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReadWriteTest {

  private static ReadWrite with(
      Duration gtidWaitTimeout,
      Duration maxReplicaLag,
      Duration monitorInterval,
      Optional<String> heartbeatTable) {
    ReadWrite d = ReadWrite.DEFAULTS;
    return new ReadWrite(
        d.stickyAfterWrite(),
        d.readYourWrites(),
        gtidWaitTimeout,
        maxReplicaLag,
        d.balance(),
        monitorInterval,
        heartbeatTable);
  }

  @Test
  void spellsTheModesAsTheFileDoes() {
    assertEquals(
        List.of("auto", "gtid", "sticky"),
        Arrays.stream(ReadWrite.ReadYourWrites.values())
            .map(ReadWrite.ReadYourWrites::yamlName)
            .toList());
    assertEquals(
        List.of("round-robin", "weighted", "least-outstanding"),
        Arrays.stream(ReadWrite.Balance.values()).map(ReadWrite.Balance::yamlName).toList());
  }

  @Test
  void acceptsTheBoundsOfEachRange() {
    ReadWrite lowest =
        with(Duration.ZERO, Duration.ofMillis(1), Duration.ofMillis(10), Optional.of("a.b"));
    ReadWrite highest =
        with(Duration.ofSeconds(10), Duration.ofDays(1), Duration.ofHours(1), Optional.empty());

    assertEquals(Duration.ofMillis(10), lowest.monitorInterval());
    assertEquals(Duration.ofSeconds(10), highest.gtidWaitTimeout());
  }

  @Test
  void rejectsValuesTheLoaderWouldReport() {
    Duration lag = ReadWrite.DEFAULTS.maxReplicaLag();
    Duration interval = ReadWrite.DEFAULTS.monitorInterval();
    Duration wait = ReadWrite.DEFAULTS.gtidWaitTimeout();

    assertEquals(
        "gtidWaitTimeout must be between 0ms and 10s, got PT10.001S",
        assertThrows(
                IllegalArgumentException.class,
                () -> with(Duration.ofMillis(10_001), lag, interval, Optional.empty()))
            .getMessage());
    assertEquals(
        "maxReplicaLag must be longer than 0ms, got PT0S",
        assertThrows(
                IllegalArgumentException.class,
                () -> with(wait, Duration.ZERO, interval, Optional.empty()))
            .getMessage());
    assertEquals(
        "monitorInterval must be between 10ms and 1h, got PT0.009S",
        assertThrows(
                IllegalArgumentException.class,
                () -> with(wait, lag, Duration.ofMillis(9), Optional.empty()))
            .getMessage());
    assertEquals(
        "heartbeatTable must be schema.table, got \"heartbeat\"",
        assertThrows(
                IllegalArgumentException.class,
                () -> with(wait, lag, interval, Optional.of("heartbeat")))
            .getMessage());
  }
}
