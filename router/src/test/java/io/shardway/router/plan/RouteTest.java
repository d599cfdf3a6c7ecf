package io.shardway.router.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.shardway.router.plan.Route.Refused;
import io.shardway.router.plan.Route.Scatter;
import io.shardway.router.plan.TableLayout.Broadcast;
import io.shardway.router.plan.TableLayout.Sharded;
import io.shardway.router.plan.TableLayout.Unsharded;
import java.util.List;
import org.junit.jupiter.api.Test;

class RouteTest {

  @Test
  void refusalsReadAsMySqlsNotSupportedMessage() {
    assertEquals(
        "This version of Shardway doesn't yet support ORDER BY in a SELECT that reads users from"
            + " several shard groups",
        new Refused("ORDER BY in a SELECT that reads users from several shard groups").message());
  }

  @Test
  void scatterNeedsSeveralDistinctGroups() {
    assertThrows(
        IllegalArgumentException.class, () -> new Scatter(List.of("s0"), Merge.CONCATENATE));
    assertThrows(
        IllegalArgumentException.class, () -> new Scatter(List.of("s0", "s0"), Merge.CONCATENATE));
    assertEquals(List.of("s1", "s0"), new Scatter(List.of("s1", "s0"), Merge.CONCATENATE).groups());
  }

  @Test
  void aSplitInsertMayGoToOneGroup() {
    assertEquals(List.of("s0"), new Scatter(List.of("s0"), Merge.SPLIT_INSERT).groups());
    assertThrows(IllegalArgumentException.class, () -> new Scatter(List.of(), Merge.SPLIT_INSERT));
    assertThrows(
        IllegalArgumentException.class, () -> new Scatter(List.of("s0", "s0"), Merge.SPLIT_INSERT));
  }

  @Test
  void scatterLimitsRowsOnlyWhenItConcatenates() {
    List<String> groups = List.of("s0", "s1");

    assertEquals(-1, new Scatter(groups, Merge.CONCATENATE).rowLimit());
    assertEquals(0, new Scatter(groups, Merge.CONCATENATE, 0).rowLimit());
    assertEquals(10, new Scatter(groups, Merge.CONCATENATE, 10).rowLimit());
    assertThrows(IllegalArgumentException.class, () -> new Scatter(groups, Merge.CONCATENATE, -2));
    assertThrows(
        IllegalArgumentException.class, () -> new Scatter(groups, Merge.SUM_AFFECTED_ROWS, 1));
  }

  @Test
  void aQueryMergeCarriesNoRowLimit() {
    List<String> groups = List.of("s0", "s1");

    assertEquals(new Scatter(groups, Merge.QUERY, -1), new Scatter(groups, Merge.QUERY));
    assertThrows(IllegalArgumentException.class, () -> new Scatter(groups, Merge.QUERY, 5));
  }

  @Test
  void layoutsCheckTheirGroups() {
    TestLayouts.Mod mod = new TestLayouts.Mod(2);

    assertEquals(List.of("s1"), new Unsharded("s1").groups());
    assertEquals("user_id", new Sharded("User_Id", mod, List.of("a", "b"), "c").shardKey());
    assertFalse(new Sharded("id", mod, List.of("a", "b"), "c").generatesKeys());
    assertThrows(IllegalArgumentException.class, () -> new Sharded("id", mod, List.of("a"), "c"));
    assertThrows(
        IllegalArgumentException.class, () -> new Sharded("id", mod, List.of("a", "a"), "c"));
    assertThrows(IllegalArgumentException.class, () -> new Broadcast(List.of()));
  }
}
