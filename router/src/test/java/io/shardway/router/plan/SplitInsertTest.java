package io.shardway.router.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.shardway.router.merge.UnsupportedMergeException;
import io.shardway.router.plan.InsertSplit.Part;
import io.shardway.router.shard.KeyGenerator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link ShardRouter#splitInsert} over {@link TestLayouts}: users by id mod 4, s0 to s3. */
class SplitInsertTest {

  /** Keys from 100, and the sizes of the reservations asked for. */
  private final List<Integer> reservations = new ArrayList<>();

  private final KeyGenerator keys =
      n -> {
        reservations.add(n);
        return 100;
      };

  private InsertSplit split(String sql) {
    return TestLayouts.ROUTER.splitInsert(sql, keys);
  }

  @Test
  void givesEachGroupItsRowsInTheirOrder() {
    InsertSplit split =
        split(
            "INSERT INTO users (id, name) VALUES (5, 'b'), (4, 'a'), (9, 'c'), (7, 'd'), (8, 'e')");

    assertEquals(
        new InsertSplit(
            List.of(
                new Part("s1", "INSERT INTO users (id, name) VALUES (5, 'b'), (9, 'c')", 2),
                new Part("s0", "INSERT INTO users (id, name) VALUES (4, 'a'), (8, 'e')", 2),
                new Part("s3", "INSERT INTO users (id, name) VALUES (7, 'd')", 1)),
            0,
            0),
        split);
    assertEquals(List.of(), reservations);
  }

  @Test
  void keepsEveryValueAsWritten() {
    List<String> s0 =
        List.of(
            "(4, 'it\\'s')",
            "(8, _utf8mb4'x')",
            "(12, 0x2A)",
            "(16, 0b101)",
            "(20, NULL)",
            "(24, DEFAULT)",
            "(-4, DATE '2026-01-01')",
            "('0', N'ü')",
            "(0x10, '\\\\')");
    List<String> s1 =
        List.of(
            "(5, 'a''b')",
            "(9, X'2A')",
            "(13, b'101')",
            "(17, -2.5E-3)",
            "(21, CONCAT('a', \"b\"))",
            "(25, 1 + - 1)",
            "('-3', 12345678901234567890123)",
            "(b'1', 1e3)",
            "(-7, n * 2 + id)");
    List<String> interleaved = new ArrayList<>();
    for (int i = 0; i < s0.size(); i++) {
      interleaved.add(s0.get(i));
      interleaved.add(s1.get(i));
    }

    InsertSplit split = split("INSERT INTO users (id, v) VALUES " + String.join(", ", interleaved));

    assertEquals(
        List.of(
            new Part("s0", "INSERT INTO users (id, v) VALUES " + String.join(", ", s0), 9),
            new Part("s1", "INSERT INTO users (id, v) VALUES " + String.join(", ", s1), 9)),
        split.parts());
  }

  @Test
  void keepsWhatSurroundsTheRows() {
    String before = "INSERT LOW_PRIORITY IGNORE INTO appdb.users PARTITION (p0, p1) (id, n) VALUES";
    String after = "AS new ON DUPLICATE KEY UPDATE n = new.n + VALUES(n)";

    InsertSplit split = split(before + " (4, 1), (5, 2), (8, 3) " + after);

    assertEquals(
        List.of(
            new Part("s0", before + " (4, 1), (8, 3) " + after, 2),
            new Part("s1", before + " (5, 2) " + after, 1)),
        split.parts());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void writesRowsOfS0AndS1(String sql, String s0, String s1) {
    assertEquals(List.of(new Part("s0", s0, 1), new Part("s1", s1, 1)), split(sql).parts());
  }

  static Stream<Arguments> writesRowsOfS0AndS1() {
    return Stream.of(
        Arguments.of(
            "REPLACE INTO users (id) VALUE ROW(4), ROW(5)",
            "REPLACE INTO users (id) VALUE ROW(4)",
            "REPLACE INTO users (id) VALUE ROW(5)"),
        Arguments.of(
            "INSERT /* batch 7 */ INTO users(id)VALUES(4), -- the first\n(5);",
            "INSERT INTO users(id)VALUES (4);",
            "INSERT INTO users(id)VALUES (5);"),
        Arguments.of(
            "INSERT INTO users (id, n) VALUES (4, 1+-1), (5, 2*-3)",
            "INSERT INTO users (id, n) VALUES (4, 1+ -1)",
            "INSERT INTO users (id, n) VALUES (5, 2* -3)"));
  }

  @Test
  void rowsOfOneGroupAreOnePart() {
    assertEquals(
        new InsertSplit(
            List.of(new Part("s0", "INSERT INTO users (id) VALUES (4), (8), (-4)", 3)), 0, 0),
        split("INSERT INTO users (id) VALUES (4), (8), (-4)"));
  }

  @Test
  void generatesConsecutiveKeysThatPlaceTheRows() {
    InsertSplit split =
        split(
            "INSERT INTO events (name, n) VALUES ('a', 1), ('b', 2), ('c', 3), ('d', 4), ('e', 5)");

    String insert = "INSERT INTO events (name, n, `id`) VALUES ";
    assertEquals(
        new InsertSplit(
            List.of(
                new Part("s0", insert + "('a', 1, 100), ('e', 5, 104)", 2),
                new Part("s1", insert + "('b', 2, 101)", 1),
                new Part("s2", insert + "('c', 3, 102)", 1),
                new Part("s3", insert + "('d', 4, 103)", 1)),
            100,
            5),
        split);
    assertEquals(List.of(5), reservations);
  }

  @Test
  void generatesTheKeyOfTheSetForm() {
    assertEquals(
        new InsertSplit(
            List.of(
                new Part(
                    "s0",
                    "INSERT INTO events SET name = 'a', `id` = 100"
                        + " ON DUPLICATE KEY UPDATE n = n + 1",
                    1)),
            100,
            1),
        split("INSERT INTO events SET name = 'a' ON DUPLICATE KEY UPDATE n = n + 1"));
    assertEquals(
        "INSERT INTO events SET name = 'a', `id` = 100 AS new ON DUPLICATE KEY UPDATE n = new.n",
        split("INSERT INTO events SET name = 'a' AS new ON DUPLICATE KEY UPDATE n = new.n")
            .parts()
            .get(0)
            .statement());
  }

  @Test
  void generatesKeysForATableOfOneGroup() {
    assertEquals(
        new InsertSplit(
            List.of(
                new Part(
                    "s1",
                    "REPLACE INTO notes (name, `id`) VALUES ROW('a', 100), ROW('b', 101)",
                    2)),
            100,
            2),
        split("REPLACE INTO notes (name) VALUES ROW('a'), ROW('b')"));
  }

  @Test
  void keysGivenAreNotGenerated() {
    assertEquals(
        new InsertSplit(
            List.of(
                new Part("s1", "INSERT INTO events (name, id) VALUES ('a', 1)", 1),
                new Part("s2", "INSERT INTO events (name, id) VALUES ('b', 2)", 1)),
            0,
            0),
        split("INSERT INTO events (name, id) VALUES ('a', 1), ('b', 2)"));
    assertEquals(List.of(), reservations);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void refuses(String sql, String reason) {
    UnsupportedMergeException e = assertThrows(UnsupportedMergeException.class, () -> split(sql));

    assertEquals(reason, e.getMessage());
  }

  static Stream<Arguments> refuses() {
    String spread = " in a multi-row INSERT into users whose rows go to several shard groups";
    String generated = " in an INSERT into events whose shard keys Shardway generates";
    String manyRows =
        "INSERT INTO events (name) VALUES "
            + String.join(", ", Collections.nCopies(KeyGenerator.MAX_RESERVATION + 1, "('a')"));
    return Stream.of(
        Arguments.of("INSERT INTO users (id) VALUES (?), (?)", "? placeholders" + spread),
        Arguments.of("INSERT INTO events (name) VALUES (?)", "? placeholders" + generated),
        Arguments.of("INSERT INTO users (id, n) VALUES (4, @x), (5, 1)", "user variables" + spread),
        Arguments.of(
            "INSERT INTO users (id, n) VALUES (4, LAST_INSERT_ID()), (5, 1)",
            "LAST_INSERT_ID()" + spread),
        Arguments.of(
            "INSERT INTO users (id, n) VALUES (4, NEXTVAL(s)), (5, 1)", "sequences" + spread),
        Arguments.of(
            "INSERT INTO events (name) VALUES (@x), ('b')",
            "user variables in a multi-row INSERT into events whose rows go to several shard"
                + " groups"),
        Arguments.of(
            "INSERT INTO users (id) SELECT id FROM logs",
            "an INSERT … SELECT into the sharded table users"),
        Arguments.of(
            "INSERT INTO users (id) VALUES (2 + 3), (4)",
            "an INSERT into users whose shard key id is not a literal or ?: 2 + 3"),
        Arguments.of(
            "INSERT INTO users (id) VALUES (4), (NULL)",
            "an INSERT into users that leaves its shard key NULL, for the server to generate"),
        Arguments.of(
            "INSERT INTO users (id) VALUES ('abc'), (4)",
            "an INSERT into users whose shard key no shard takes: not an integer: 'abc'"),
        Arguments.of(
            "INSERT INTO users VALUES (4), (5)",
            "an INSERT into users without a column list, which must name the shard key id"),
        Arguments.of(
            "INSERT INTO users (id, n) VALUES (4, 1), (5, 2) ON DUPLICATE KEY UPDATE id = 6",
            "an INSERT into users … ON DUPLICATE KEY UPDATE that changes the shard key id"),
        Arguments.of(
            "INSERT INTO events (name) VALUES ('a') AS new(m) ON DUPLICATE KEY UPDATE name = m",
            "a row alias with column names" + generated),
        Arguments.of(manyRows, "more than 4096 rows" + generated),
        Arguments.of(
            "INSERT INTO countries (code) VALUES ('a'), ('b')",
            "splitting an INSERT into countries, which is no sharded table, over shard groups"),
        Arguments.of(
            "SELECT * FROM users",
            "splitting a statement other than INSERT or REPLACE over shard groups"),
        Arguments.of(
            "INSERT INTO users (id) VALUES (4); INSERT INTO users (id) VALUES (5)",
            "several statements in one query when one uses the sharded table users"));
  }

  @Test
  void aSplitHasEachGroupOnceAndKeysForEveryRowOrNone() {
    Part s0 = new Part("s0", "INSERT INTO users (id) VALUES (4)", 1);
    Part s1 = new Part("s1", "INSERT INTO users (id) VALUES (5), (9)", 2);

    assertEquals(3, new InsertSplit(List.of(s0, s1), 7, 3).generatedKeys());
    assertThrows(IllegalArgumentException.class, () -> new InsertSplit(List.of(), 0, 0));
    assertThrows(IllegalArgumentException.class, () -> new InsertSplit(List.of(s0, s0), 0, 0));
    assertThrows(IllegalArgumentException.class, () -> new InsertSplit(List.of(s0, s1), 7, 2));
    assertThrows(IllegalArgumentException.class, () -> new InsertSplit(List.of(s0), 7, 0));
    assertThrows(IllegalArgumentException.class, () -> new Part("s0", "INSERT", 0));
  }
}
