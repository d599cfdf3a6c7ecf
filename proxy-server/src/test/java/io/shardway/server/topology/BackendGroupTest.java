package io.shardway.server.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.shardway.config.BackendAddress;
import io.shardway.config.BackendUser;
import io.shardway.config.Pool;
import io.shardway.config.ReadWrite;
import io.shardway.config.Replica;
import io.shardway.config.ShardGroup;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Which member takes writes and reads as health checks report; no server is contacted. */
class BackendGroupTest {
  private final BackendGroup group =
      BackendGroup.open(
          new ShardGroup(
              "s0",
              address(3306),
              List.of(new Replica(address(3307), 1), new Replica(address(3308), 0))),
          new BackendUser("u", "p"),
          Pool.DEFAULTS,
          ReadWrite.DEFAULTS);
  private final GroupMember primary = group.members().get(0);
  private final GroupMember replica = group.members().get(1);
  private final GroupMember weightless = group.members().get(2);

  private static BackendAddress address(int port) {
    return new BackendAddress("127.0.0.1", port, Map.of());
  }

  private static BackendHealth up(boolean readOnly) {
    return new BackendHealth(
        BackendHealth.State.UP, readOnly, Duration.ZERO, GtidPosition.EMPTY, true, "");
  }

  private static BackendHealth lagging() {
    return new BackendHealth(
        BackendHealth.State.LAGGING, true, Duration.ofSeconds(60), GtidPosition.EMPTY, true, "lag");
  }

  @AfterEach
  void close() {
    group.close();
  }

  @Test
  void untilCheckedTheConfigurationDecides() {
    assertSame(primary, group.writer());
    assertSame(replica, group.replica(null));
  }

  @Test
  void writesFollowTheWritableMember() {
    group.checked(primary, up(true));
    assertNull(group.writer(), "every reachable member is read-only");
    group.checked(replica, up(false));
    assertSame(replica, group.writer());
    group.checked(primary, up(false));
    assertSame(replica, group.writer(), "two writable members: writes stay where they are");
  }

  @Test
  void anUnreachablePrimaryKeepsTheWritesWhileNothingElseIsWritable() {
    group.checked(replica, up(true));
    group.unreachable(primary, "connection refused");
    assertSame(primary, group.writer());
    assertEquals(BackendHealth.State.DOWN, primary.health().state());
  }

  @Test
  void onlyHealthyReadOnlyReplicasWithWeightTakeReads() {
    group.checked(primary, up(false));
    group.checked(replica, up(true));
    group.checked(weightless, up(true));
    assertSame(replica, group.replica(null));
    assertNull(group.replica(replica), "the excluded one is the only candidate");
    group.checked(replica, lagging());
    assertNull(group.replica(null));
    assertSame(primary, group.fallbackReader(null));
    assertEquals(1, replica.stateChanges());
  }
}
