package io.shardway.router;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class HintsTest {

  /** One row: a text and the hints {@link StatementClassifier#classify} must find in it. */
  record Case(String sql, Hints expected) {
    @Override
    public String toString() {
      return "[" + sql + "]";
    }
  }

  private static final Hints PRIMARY = new Hints(RouteHint.PRIMARY, false, null);
  private static final Hints REPLICA = new Hints(RouteHint.REPLICA, false, null);
  private static final Hints NO_CACHE = new Hints(RouteHint.NONE, true, null);

  private static Case row(String sql, Hints expected) {
    return new Case(sql, expected);
  }

  private static Hints ttl(Duration ttl) {
    return new Hints(RouteHint.NONE, false, ttl);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource({"commentStyles", "ttls", "combined"})
  void readsHintsFromComments(Case row) {
    assertEquals(row.expected(), StatementClassifier.classify(row.sql()).hints());
  }

  static Stream<Case> commentStyles() {
    return Stream.of(
        row("/* shardway:primary */ SELECT 1", PRIMARY),
        row("SELECT 1 /* shardway:replica */", REPLICA),
        row("SELECT /* shardway:replica */ a FROM t WHERE b = ?", REPLICA),
        row("SELECT a FROM t WHERE b = 1/*shardway:primary*/", PRIMARY),
        row("/*shardway:primary*/SELECT 1", PRIMARY),
        row("/*   SHARDWAY:Primary   */ SELECT 1", PRIMARY),
        row("/*\n\tShardWay:REPLICA\n*/ SELECT 1", REPLICA),
        row("-- shardway:replica\nSELECT 1", REPLICA),
        row("SELECT 1 -- shardway:primary", PRIMARY),
        row("SELECT 1 --\tshardway:primary\r\n", PRIMARY),
        row("# shardway:nocache\nSELECT 1", NO_CACHE),
        row("SELECT 1 #shardway:nocache", NO_CACHE),
        row("UPDATE t SET a = 1 /* shardway:replica */", REPLICA),
        row("/* shardway:primary */", PRIMARY),
        row("SELECT 1; /* shardway:primary */ SELECT 2", PRIMARY),
        // Not comments: strings, quoted names, and "--" without a space.
        row("SELECT '/* shardway:primary */'", Hints.NONE),
        row("SELECT \"-- shardway:replica\", '# shardway:nocache'", Hints.NONE),
        row("SELECT `/* shardway:primary */` FROM t", Hints.NONE),
        row("SELECT 1 --shardway:primary", Hints.NONE),
        row("SELECT 1 /* shardway:primary", Hints.NONE),
        // Executable comments are SQL, and optimizer hints are the server's.
        row("/*! shardway:primary */ SELECT 1", Hints.NONE),
        row("/*!50700 shardway:primary */ SELECT 1", Hints.NONE),
        row("/*M! shardway:replica */ SELECT 1", Hints.NONE),
        row("SELECT /*+ shardway:replica */ 1", Hints.NONE),
        row("SELECT /*+shardway:primary */ 1", Hints.NONE),
        // A hint comment starts with shardway: and names a known hint.
        row("/* app=checkout shardway:primary */ SELECT 1", Hints.NONE),
        row("/* shardway: primary */ SELECT 1", Hints.NONE),
        row("/* shardway primary */ SELECT 1", Hints.NONE),
        row("/* shardway:primaryy */ SELECT 1", Hints.NONE),
        row("/* shardway:fastest */ SELECT 1", Hints.NONE),
        row("/* shardway:primary please */ SELECT 1", PRIMARY),
        row("/* shardway:bogus shardway:replica */ SELECT 1", REPLICA));
  }

  static Stream<Case> ttls() {
    return Stream.of(
        row("/* shardway:cache ttl=30s */ SELECT 1", ttl(Duration.ofSeconds(30))),
        row("SELECT 1 /* shardway:cache ttl=500ms */", ttl(Duration.ofMillis(500))),
        row("SELECT 1 -- shardway:cache ttl=5m", ttl(Duration.ofMinutes(5))),
        row("SELECT 1 # shardway:cache ttl=1h", ttl(Duration.ofHours(1))),
        row("/*SHARDWAY:CACHE TTL=90S*/ SELECT 1", ttl(Duration.ofSeconds(90))),
        row("/* shardway:cache ttl=2H */ SELECT 1", ttl(Duration.ofHours(2))),
        row("/* shardway:cache ttl=999999999h */ SELECT 1", ttl(Duration.ofHours(999_999_999))),
        row("/* shardway:cache ttl=30s ttl=bogus */ SELECT 1", ttl(Duration.ofSeconds(30))),
        // Without a valid ttl, cache says nothing; a comment never makes a statement fail.
        row("/* shardway:cache */ SELECT 1", Hints.NONE),
        row("/* shardway:cache ttl= */ SELECT 1", Hints.NONE),
        row("/* shardway:cache ttl=30 */ SELECT 1", Hints.NONE),
        row("/* shardway:cache ttl=30d */ SELECT 1", Hints.NONE),
        row("/* shardway:cache ttl=0s */ SELECT 1", Hints.NONE),
        row("/* shardway:cache ttl=-5s */ SELECT 1", Hints.NONE),
        row("/* shardway:cache ttl=1.5s */ SELECT 1", Hints.NONE),
        row("/* shardway:cache ttl=s */ SELECT 1", Hints.NONE),
        row("/* shardway:cache ttl=1000000000h */ SELECT 1", Hints.NONE),
        row("/* shardway:cache ttl=99999999999999999999s */ SELECT 1", Hints.NONE),
        row("/* shardway:cache ttl = 30s */ SELECT 1", Hints.NONE),
        // A ttl belongs to shardway:cache only.
        row("/* shardway:primary ttl=30s */ SELECT 1", PRIMARY),
        row("/* ttl=30s */ SELECT 1", Hints.NONE));
  }

  static Stream<Case> combined() {
    return Stream.of(
        row(
            "/* shardway:replica shardway:cache ttl=5s */ SELECT 1",
            new Hints(RouteHint.REPLICA, false, Duration.ofSeconds(5))),
        row(
            "/* shardway:replica */ SELECT 1 -- shardway:cache ttl=5s",
            new Hints(RouteHint.REPLICA, false, Duration.ofSeconds(5))),
        // When hints disagree, the one that risks less stale data wins, whatever the order.
        row("/* shardway:replica */ SELECT 1 /* shardway:primary */", PRIMARY),
        row("/* shardway:primary */ SELECT 1 /* shardway:replica */", PRIMARY),
        row("/* shardway:primary shardway:replica */ SELECT 1", PRIMARY),
        row("/* shardway:nocache */ SELECT 1 /* shardway:cache ttl=1m */", NO_CACHE),
        row("/* shardway:cache ttl=1m */ SELECT 1 /* shardway:nocache */", NO_CACHE),
        row(
            "/* shardway:cache ttl=1m */ SELECT 1 -- shardway:cache ttl=10s",
            ttl(Duration.ofSeconds(10))),
        row(
            "/* shardway:cache ttl=10s */ SELECT 1 -- shardway:cache ttl=1m",
            ttl(Duration.ofSeconds(10))),
        row(
            "/* shardway:cache ttl=1m ttl=10s */ /* shardway:replica */ SELECT 1",
            new Hints(RouteHint.REPLICA, false, Duration.ofSeconds(10))));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"SELECT 1", "/* app=checkout */ SELECT 1 -- done", "SELECT 1 /*+ BKA(t) */"})
  void textsWithoutHintsShareNone(String sql) {
    assertSame(Hints.NONE, StatementClassifier.classify(sql).hints());
  }

  @Test
  void hintsDoNotChangeWhatTheStatementIs() {
    StatementInfo hinted = StatementClassifier.classify("/* shardway:replica */ DELETE FROM t");
    StatementInfo plain = StatementClassifier.classify("DELETE FROM t");
    assertEquals(REPLICA, hinted.hints());
    assertEquals(plain.kind(), hinted.kind());
    assertEquals(plain.flags(), hinted.flags());
  }

  @Test
  void noneHasNoHints() {
    assertEquals(new Hints(RouteHint.NONE, false, null), Hints.NONE);
  }

  @Test
  void rejectsInconsistentHints() {
    assertThrows(NullPointerException.class, () -> new Hints(null, false, null));
    assertThrows(
        IllegalArgumentException.class,
        () -> new Hints(RouteHint.NONE, true, Duration.ofSeconds(1)));
    assertThrows(
        IllegalArgumentException.class, () -> new Hints(RouteHint.NONE, false, Duration.ZERO));
    assertThrows(
        IllegalArgumentException.class,
        () -> new Hints(RouteHint.NONE, false, Duration.ofSeconds(-1)));
  }
}
