package io.shardway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DataSizeTest {

  @ParameterizedTest
  @CsvSource({
    "0, 0",
    "1024, 1024",
    "512B, 512",
    "64KiB, 65536",
    "16MiB, 16777216",
    "1GiB, 1073741824",
    "2TiB, 2199023255552",
    "64KB, 64000",
    "10MB, 10000000",
    "1GB, 1000000000",
    "3TB, 3000000000000",
  })
  void parses(String text, long bytes) {
    assertEquals(bytes, DataSize.parse(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "MiB", "-1", "1.5MiB", "64 MiB", "64M", "64mib", "64Kb", "0x10"})
  void rejectsWhatIsNotASize(String text) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> DataSize.parse(text));

    assertEquals(
        "expected a size like 1024, 64KiB, 16MiB or 1GiB, got \"" + text + "\"", e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"8388608TiB", "99999999999999999999"})
  void rejectsSizesBeyondALong(String text) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> DataSize.parse(text));

    assertEquals("size is too large, got \"" + text + "\"", e.getMessage());
  }
}
