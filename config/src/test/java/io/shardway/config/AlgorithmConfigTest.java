package io.shardway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each algorithm type bound from the file, and what its record refuses on its own. */
class AlgorithmConfigTest {

  /**
   * A config whose table {@code t} is sharded over s0 and s1 of three groups by {@code algorithm},
   * written from line 12, column 11.
   */
  static String tableWith(String algorithm) {
    return """
        users: [{ name: app, password: secret, schemas: ["*"] }]
        backendUser: { name: proxy, password: secret }
        shardGroups: { s0: { primary: "mysql://db-0" }, s1: { primary: "mysql://db-1" }, s2: { primary: "mysql://db-2" } }
        schemas:
          appdb:
            defaultShardGroup: s0
            tables:
              t:
                shardKey: id
                shardGroups: [s0, s1]
                algorithm:
        """
        + algorithm.indent(10);
  }

  private static AlgorithmConfig bind(String algorithm) throws ConfigException {
    return ConfigLoader.parse(tableWith(algorithm), Path.of("shardway.yaml"), Map.of())
        .schemas()
        .get("appdb")
        .tables()
        .get("t")
        .algorithm()
        .orElseThrow();
  }

  private static AlgorithmConfig.KeyRange range(String group, Long from, Long to) {
    return new AlgorithmConfig.KeyRange(group, Optional.ofNullable(from), Optional.ofNullable(to));
  }

  @Test
  void bindsModAndHash() throws ConfigException {
    assertEquals(new AlgorithmConfig.Mod(), bind("type: mod"));
    assertEquals(new AlgorithmConfig.Hash(), bind("type: hash"));
    assertEquals("hash", bind("type: hash").type());
  }

  @Test
  void bindsRangesWithOpenEndsAndGaps() throws ConfigException {
    AlgorithmConfig bound =
        bind(
            """
            type: range
            ranges:
              - { shardGroup: s0, to: 1000000 }
              - { shardGroup: s1, from: 1000000, to: 2000000 }
              - { shardGroup: s0, from: 5000000, to: "${UNSET:-9000000}" }
              - { shardGroup: s1, from: 9223372036854775806 }
            """);

    assertEquals(
        new AlgorithmConfig.Range(
            List.of(
                range("s0", null, 1_000_000L),
                range("s1", 1_000_000L, 2_000_000L),
                range("s0", 5_000_000L, 9_000_000L),
                range("s1", Long.MAX_VALUE - 1, null))),
        bound);
  }

  @Test
  void bindsOneRangeUnboundedBothWays() throws ConfigException {
    assertEquals(
        new AlgorithmConfig.Range(List.of(range("s1", null, null))),
        bind("{ type: range, ranges: [ { shardGroup: s1 } ] }"));
  }

  @Test
  void aGroupMayHoldNoRange() throws ConfigException {
    assertEquals(
        new AlgorithmConfig.Range(List.of(range("s0", -100L, 0L), range("s0", 1000L, null))),
        bind(
            "{ type: range, ranges: [ { shardGroup: s0, from: -100, to: 0 }, { shardGroup: s0, from: 1000 } ] }"));
  }

  @Test
  void bindsConsistentHashWithItsDefault() throws ConfigException {
    assertEquals(new AlgorithmConfig.ConsistentHash(160), bind("type: consistent-hash"));
    assertEquals(
        new AlgorithmConfig.ConsistentHash(10_000),
        bind("{ type: consistent-hash, virtualNodes: 10000 }"));
    assertEquals(
        new AlgorithmConfig.ConsistentHash(1), bind("{ type: consistent-hash, virtualNodes: 1 }"));
  }

  @Test
  void bindsListsInFileOrder() throws ConfigException {
    AlgorithmConfig bound =
        bind(
            """
            type: list
            values: { s1: [DE, FR, 49], s0: [US, "CA ", 1] }
            default: s1
            """);

    Map<String, List<String>> values = new LinkedHashMap<>();
    values.put("s1", List.of("DE", "FR", "49"));
    values.put("s0", List.of("US", "CA ", "1"));
    assertEquals(new AlgorithmConfig.ValueList(values, Optional.of("s1")), bound);
    assertEquals(
        List.of("s1", "s0"), List.copyOf(((AlgorithmConfig.ValueList) bound).values().keySet()));
  }

  @Test
  void listWithoutDefault() throws ConfigException {
    assertEquals(
        new AlgorithmConfig.ValueList(Map.of("s0", List.of("x")), Optional.empty()),
        bind("{ type: list, values: { s0: [x] } }"));
  }

  @Test
  void recordsRefuseWhatTheLoaderReports() {
    assertThrows(IllegalArgumentException.class, () -> new AlgorithmConfig.Range(List.of()));
    assertThrows(IllegalArgumentException.class, () -> range("s0", 5L, 5L));
    // Out of order, overlapping, and unbounded in the middle.
    assertThrows(
        IllegalArgumentException.class,
        () -> new AlgorithmConfig.Range(List.of(range("s0", 10L, 20L), range("s1", 0L, 5L))));
    assertThrows(
        IllegalArgumentException.class,
        () -> new AlgorithmConfig.Range(List.of(range("s0", 0L, 20L), range("s1", 19L, 30L))));
    assertThrows(
        IllegalArgumentException.class,
        () -> new AlgorithmConfig.Range(List.of(range("s0", 0L, 20L), range("s1", null, 30L))));
    assertThrows(
        IllegalArgumentException.class,
        () -> new AlgorithmConfig.Range(List.of(range("s0", 0L, null), range("s1", 30L, null))));
    assertThrows(IllegalArgumentException.class, () -> new AlgorithmConfig.ConsistentHash(0));
    assertThrows(IllegalArgumentException.class, () -> new AlgorithmConfig.ConsistentHash(10_001));
  }

  @Test
  void valueListRefusesAValueListedTwice() {
    Map<String, List<String>> values = new LinkedHashMap<>();
    values.put("s0", List.of("US", "42"));
    values.put("s1", List.of("us "));

    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new AlgorithmConfig.ValueList(values, Optional.empty()));

    assertEquals("\"us \" of s1 is already listed for s0", e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> new AlgorithmConfig.ValueList(Map.of("s0", List.of("42", "42.0")), Optional.empty()));
  }
}
