package io.shardway.server.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GtidPositionTest {

  @Test
  void aPositionCoversEarlierTransactionsOfItsDomains() {
    GtidPosition replica = GtidPosition.parse("0-1-100,1-2-7");
    assertTrue(replica.covers(GtidPosition.parse("0-1-100")));
    assertTrue(replica.covers(GtidPosition.parse("0-3-99")), "the server id does not matter");
    assertTrue(replica.covers(GtidPosition.parse("1-2-7,0-1-5")));
    assertFalse(replica.covers(GtidPosition.parse("0-1-101")));
    assertFalse(replica.covers(GtidPosition.parse("2-1-1")), "a domain it never saw");
  }

  @Test
  void sequencesCompareAsNumbersNotText() {
    assertTrue(GtidPosition.parse("0-1-10").covers(GtidPosition.parse("0-1-9")));
    assertFalse(GtidPosition.parse("0-1-9").covers(GtidPosition.parse("0-1-10")));
  }

  @Test
  void unreadablePositionsAreEmptyAndCoverNothing() {
    for (String text : new String[] {null, "", "  ", "0-1", "x-1-2", "0-1-2,junk"}) {
      GtidPosition position = GtidPosition.parse(text);
      assertTrue(position.isEmpty(), String.valueOf(text));
      assertFalse(position.covers(GtidPosition.parse("0-1-1")), String.valueOf(text));
    }
    assertTrue(GtidPosition.parse("0-1-1").covers(GtidPosition.EMPTY), "nothing to wait for");
  }

  @Test
  void unionKeepsTheLaterTransactionOfEachDomain() {
    GtidPosition union = GtidPosition.parse("0-1-5,1-1-9").union(GtidPosition.parse("0-2-8,2-1-1"));
    assertEquals(GtidPosition.parse("0-2-8,1-1-9,2-1-1"), union);
    assertTrue(union.toString().contains("0-2-8"), union.toString());
  }

  @Test
  void printsWhatMasterGtidWaitTakes() {
    assertEquals("0-1-42", GtidPosition.parse(" 0-1-42 ").toString());
  }
}
