package io.shardway.config;

import static io.shardway.config.AlgorithmConfigTest.tableWith;
import static io.shardway.config.ConfigProblemsTest.at;
import static io.shardway.config.ConfigProblemsTest.problemsOf;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each kind of mistake in a table's {@code algorithm}, with the exact {@code file:line:column:
 * message} it is reported as. The table {@code t} is sharded over s0 and s1 of the groups s0, s1
 * and s2; its algorithm starts on line 12, column 11.
 */
class AlgorithmProblemsTest {

  private static final String PATH = "schemas.appdb.tables.t.algorithm";

  private static List<String> problemsOfAlgorithm(String algorithm) {
    return problemsOf(tableWith(algorithm));
  }

  @Test
  void modAndHashTakeNoOtherKeys() {
    assertEquals(
        List.of(at(13, 11, PATH + ": unknown key \"virtualNodes\"")),
        problemsOfAlgorithm("type: mod\nvirtualNodes: 10\n"));
    assertEquals(
        List.of(at(12, 25, PATH + ": unknown key \"ranges\"")),
        problemsOfAlgorithm("{ type: hash, ranges: [] }"));
  }

  @Test
  void keysOfAnotherType() {
    assertEquals(
        List.of(at(12, 36, PATH + ": unknown key \"values\"")),
        problemsOfAlgorithm("{ type: consistent-hash, values: { s0: [a] } }"));
  }

  @Test
  void missingType() {
    assertEquals(
        List.of(at(12, 11, PATH + ": missing required key \"type\"")),
        problemsOfAlgorithm("{ virtualNodes: 10 }"));
  }

  @Test
  void rangeNeedsRanges() {
    assertEquals(
        List.of(at(12, 11, PATH + ": missing required key \"ranges\"")),
        problemsOfAlgorithm("{ type: range }"));
    assertEquals(
        List.of(at(12, 34, PATH + ".ranges: at least one range is required")),
        problemsOfAlgorithm("{ type: range, ranges: [] }"));
    assertEquals(
        List.of(at(12, 34, PATH + ".ranges: expected a list, got a mapping")),
        problemsOfAlgorithm("{ type: range, ranges: { s0: 1 } }"));
  }

  @Test
  void rangeEntryMistakes() {
    String algorithm =
        """
        type: range
        ranges:
          - { shardGroup: s2, to: 10 }
          - { shardGroup: s9, from: 10, to: 1e3 }
          - { shardGroup: s0, from: 9223372036854775808, to: 3000 }
          - { from: 3000, to: 4000, group: s1 }
          - { shardGroup: s1, from: 5000, to: 5000 }
          - { shardGroup: [s0], from: 6000 }
        """;

    assertEquals(
        List.of(
            at(
                14,
                29,
                PATH
                    + ".ranges[0].shardGroup: \"s2\" is not one of the table's shardGroups (s0, s1)"),
            at(
                15,
                29,
                PATH
                    + ".ranges[1].shardGroup: \"s9\" is not one of the table's shardGroups (s0, s1)"),
            at(15, 47, PATH + ".ranges[1].to: expected an integer, got \"1e3\""),
            at(
                16,
                39,
                PATH
                    + ".ranges[2].from: must be between -9223372036854775808 and"
                    + " 9223372036854775807, got 9223372036854775808"),
            at(17, 15, PATH + ".ranges[3]: missing required key \"shardGroup\""),
            at(17, 39, PATH + ".ranges[3]: unknown key \"group\""),
            at(18, 49, PATH + ".ranges[4].to: must be greater than from (5000), got 5000"),
            at(19, 29, PATH + ".ranges[5].shardGroup: expected a string, got a list")),
        problemsOfAlgorithm(algorithm));
  }

  @Test
  void onlyTheEndsMayBeUnbounded() {
    String algorithm =
        """
        type: range
        ranges:
          - { shardGroup: s0, to: 10 }
          - { shardGroup: s1, to: 20 }
          - { shardGroup: s0, from: 20 }
          - { shardGroup: s1, from: 30 }
        """;

    assertEquals(
        List.of(
            at(
                15,
                15,
                PATH
                    + ".ranges[1]: missing required key \"from\" (only the first range may leave"
                    + " it out)"),
            at(
                16,
                15,
                PATH
                    + ".ranges[2]: missing required key \"to\" (only the last range may leave it"
                    + " out)")),
        problemsOfAlgorithm(algorithm));
  }

  @Test
  void rangesOutOfOrder() {
    String algorithm =
        """
        type: range
        ranges:
          - { shardGroup: s0, from: 100, to: 200 }
          - { shardGroup: s1, from: 0, to: 100 }
          - { shardGroup: s1, from: 200 }
        """;

    assertEquals(
        List.of(
            at(
                15,
                39,
                PATH
                    + ".ranges[1].from: must be at least ranges[0].from (100), as ranges are in"
                    + " ascending order, got 0")),
        problemsOfAlgorithm(algorithm));
  }

  @Test
  void overlappingRangesNameBothEntries() {
    String algorithm =
        """
        type: range
        ranges:
          - { shardGroup: s0, to: 100 }
          - { shardGroup: s1, from: 50, to: 60 }
          - { shardGroup: s1, from: 80, to: 200 }
          - { shardGroup: s0, from: 150, to: 300 }
          - { shardGroup: s0, from: 300 }
        """;

    assertEquals(
        List.of(
            at(15, 15, PATH + ".ranges[1]: overlaps ranges[0]: both hold the key 50"),
            at(16, 15, PATH + ".ranges[2]: overlaps ranges[0]: both hold the key 80"),
            at(17, 15, PATH + ".ranges[3]: overlaps ranges[2]: both hold the key 150")),
        problemsOfAlgorithm(algorithm));
  }

  @Test
  void virtualNodesOutOfRange() {
    assertEquals(
        List.of(at(12, 50, PATH + ".virtualNodes: must be between 1 and 10000, got 0")),
        problemsOfAlgorithm("{ type: consistent-hash, virtualNodes: 0 }"));
    assertEquals(
        List.of(at(12, 50, PATH + ".virtualNodes: must be between 1 and 10000, got 10001")),
        problemsOfAlgorithm("{ type: consistent-hash, virtualNodes: 10001 }"));
    assertEquals(
        List.of(at(12, 50, PATH + ".virtualNodes: expected an integer, got \"many\"")),
        problemsOfAlgorithm("{ type: consistent-hash, virtualNodes: many }"));
  }

  @Test
  void listNeedsValues() {
    assertEquals(
        List.of(
            at(12, 11, PATH + ": missing required key \"values\""),
            at(12, 25, PATH + ": unknown key \"lists\"")),
        problemsOfAlgorithm("{ type: list, lists: { s0: [a] } }"));
  }

  @Test
  void listValueGivenTwice() {
    String algorithm =
        """
        type: list
        values:
          s0: [US, CA, 42, DE]
          s1: [us, "Ca  ", 42.0, FR, FR]
        """;

    assertEquals(
        List.of(
            at(15, 18, PATH + ".values.s1[0]: \"us\" is already listed for s0, as \"US\""),
            at(15, 22, PATH + ".values.s1[1]: \"Ca  \" is already listed for s0, as \"CA\""),
            at(15, 30, PATH + ".values.s1[2]: \"42.0\" is already listed for s0, as \"42\""),
            at(15, 40, PATH + ".values.s1[4]: \"FR\" is already listed for s1")),
        problemsOfAlgorithm(algorithm));
  }

  @Test
  void listNamesGroupsOutsideTheTable() {
    String algorithm =
        """
        type: list
        values: { s0: [a], s2: [b], s9: [c], s1: [{ d: e }] }
        default: s2
        """;

    assertEquals(
        List.of(
            at(13, 30, PATH + ".values: \"s2\" is not one of the table's shardGroups (s0, s1)"),
            at(13, 39, PATH + ".values: \"s9\" is not one of the table's shardGroups (s0, s1)"),
            at(13, 53, PATH + ".values.s1[0]: expected a string, got a mapping"),
            at(14, 20, PATH + ".default: \"s2\" is not one of the table's shardGroups (s0, s1)")),
        problemsOfAlgorithm(algorithm));
  }

  @Test
  void groupsAreNotCheckedWhenTheTablesCannotBeRead() {
    String yaml =
        tableWith("{ type: list, values: { s0: [a], s1: [b] }, default: s1 }")
            .replace("shardGroups: [s0, s1]", "shardGroups: [s0, s3]");

    assertEquals(
        List.of(at(10, 27, "schemas.appdb.tables.t.shardGroups[1]: unknown shard group \"s3\"")),
        problemsOf(yaml));
  }
}
