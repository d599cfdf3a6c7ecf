package io.shardway.server.topology;

import io.shardway.config.BackendUser;
import io.shardway.config.Pool;
import io.shardway.config.ReadWrite;
import io.shardway.config.Replica;
import io.shardway.config.ShardGroup;
import io.shardway.server.backend.BackendPool;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The servers of one shard group: where its writes go now, and which replica takes a read.
 *
 * <p>The writer follows {@code @@read_only}, as ProxySQL does: the configured primary while it is
 * writable, else a member that turned writable (a promoted replica). While every reachable member
 * is read-only there is no writer and writes get an error; reads go on. Replicas take reads while
 * they are reachable, replicating and within {@code maxReplicaLag}; with none, reads go to the
 * writer.
 */
public final class BackendGroup implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(BackendGroup.class);

  /**
   * A replica that cannot hand out a connection soon is skipped for another server, so a stopped
   * replica costs a read at most this long before the monitor takes it out of rotation.
   */
  private static final Duration REPLICA_CONNECTION_TIMEOUT = Duration.ofSeconds(1);

  private final String name;
  private final List<GroupMember> members;
  private final ReplicaBalancer balancer;
  private volatile GroupMember writer;

  private BackendGroup(String name, List<GroupMember> members, ReplicaBalancer balancer) {
    this.name = name;
    this.members = List.copyOf(members);
    this.balancer = balancer;
    this.writer = members.get(0);
  }

  /** Opens (lazily) a pool for each server of {@code group}; the primary is the first member. */
  public static BackendGroup open(
      ShardGroup group, BackendUser user, Pool pool, ReadWrite readWrite) {
    List<GroupMember> members = new ArrayList<>();
    members.add(
        new GroupMember(
            new BackendPool(group.name() + "-primary", group.primary(), user, pool), true, 1));
    Pool replicaPool =
        new Pool(
            pool.maxSize(),
            pool.minIdle(),
            min(pool.connectionTimeout(), REPLICA_CONNECTION_TIMEOUT),
            pool.idleTimeout(),
            pool.maxLifetime(),
            pool.loopConnections());
    for (int i = 0; i < group.replicas().size(); i++) {
      Replica replica = group.replicas().get(i);
      BackendPool replicaBackend =
          new BackendPool(
              group.name() + "-replica-" + (i + 1), replica.address(), user, replicaPool);
      members.add(new GroupMember(replicaBackend, false, replica.weight()));
    }
    return new BackendGroup(group.name(), members, ReplicaBalancer.of(readWrite.balance()));
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  public String name() {
    return name;
  }

  /** Every server, the configured primary first. */
  public List<GroupMember> members() {
    return members;
  }

  /** Whether reads may go anywhere but the writer: the group has replicas. */
  public boolean hasReplicas() {
    return members.size() > 1;
  }

  /** The server that takes writes now, or null while no member is writable. */
  public GroupMember writer() {
    return writer;
  }

  /**
   * A healthy replica for a read, other than {@code excluded} (a replica that just failed; may be
   * null), or null when there is none.
   */
  public GroupMember replica(GroupMember excluded) {
    GroupMember current = writer;
    List<GroupMember> candidates = new ArrayList<>(members.size());
    for (GroupMember member : members) {
      BackendHealth health = member.health();
      if (member != current
          && member != excluded
          && member.weight() > 0
          && health.readOnly()
          && (health.state() == BackendHealth.State.UP
              || health.state() == BackendHealth.State.UNKNOWN)) {
        candidates.add(member);
      }
    }
    return candidates.isEmpty() ? null : balancer.pick(candidates);
  }

  /**
   * Where a read goes when no replica can take it: the writer, else (no writable member) any
   * reachable server.
   */
  public GroupMember fallbackReader(GroupMember excluded) {
    GroupMember current = writer;
    if (current != null && current != excluded) {
      return current;
    }
    for (GroupMember member : members) {
      if (member != excluded && member.health().reachable()) {
        return member;
      }
    }
    return current;
  }

  /** Records a health check of {@code member} and moves writes if the writable member changed. */
  void checked(GroupMember member, BackendHealth health) {
    BackendHealth before = member.health();
    if (member.health(health)) {
      log.info(
          "shard group {}: {} ({}) is {}, was {}",
          name,
          member.name(),
          member.pool().address(),
          health.summary(),
          before.summary());
    }
    chooseWriter();
  }

  /** A statement could not reach {@code member}: out of rotation until a check finds it again. */
  public void unreachable(GroupMember member, String reason) {
    if (member.health().reachable()) {
      checked(member, BackendHealth.down(reason));
    }
  }

  private synchronized void chooseWriter() {
    GroupMember previous = writer;
    // A writer that stays writable keeps the writes, even when another member turns writable too:
    // moving them back and forth between two writable servers would split the data.
    GroupMember chosen = previous != null && writable(previous) ? previous : null;
    for (int i = 0; chosen == null && i < members.size(); i++) {
      if (writable(members.get(i))) {
        chosen = members.get(i);
      }
    }
    if (chosen == null) {
      // Nothing writable that answers: while the configured primary is out of sight, writes still
      // go there and fail with its own error; once it answers read-only, they get Shardway's.
      GroupMember primary = members.get(0);
      chosen = primary.health().reachable() ? null : primary;
    }
    if (chosen != previous) {
      writer = chosen;
      log.warn(
          "shard group {}: writes now go to {} (were going to {})",
          name,
          chosen == null ? "no server: every reachable member is read-only" : describe(chosen),
          previous == null ? "no server" : describe(previous));
    }
  }

  private static boolean writable(GroupMember member) {
    BackendHealth health = member.health();
    return health.reachable() && !health.readOnly();
  }

  private static String describe(GroupMember member) {
    return member.name() + " (" + member.pool().address() + ")";
  }

  @Override
  public void close() {
    members.forEach(member -> member.pool().close());
  }
}
