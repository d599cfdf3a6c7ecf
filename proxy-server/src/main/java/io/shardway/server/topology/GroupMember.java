package io.shardway.server.topology;

import io.shardway.server.backend.BackendPool;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * One server of a shard group as routing sees it: its connection pool, its weight among replicas,
 * its last health, and what was routed to it.
 */
public final class GroupMember {
  private final BackendPool pool;
  private final boolean configuredPrimary;
  private final int weight;
  private volatile BackendHealth health;

  /** Applied GTIDs learnt between checks, from waits that succeeded. */
  private volatile GtidPosition knownApplied = GtidPosition.EMPTY;

  private final LongAdder writesRouted = new LongAdder();
  private final LongAdder readsRouted = new LongAdder();
  private final AtomicLong stateChanges = new AtomicLong();

  GroupMember(BackendPool pool, boolean configuredPrimary, int weight) {
    this.pool = pool;
    this.configuredPrimary = configuredPrimary;
    this.weight = weight;
    this.health = BackendHealth.unknown(!configuredPrimary);
  }

  public BackendPool pool() {
    return pool;
  }

  public String name() {
    return pool.name();
  }

  /** Whether the configuration names this server the group's primary. */
  public boolean configuredPrimary() {
    return configuredPrimary;
  }

  public int weight() {
    return weight;
  }

  public BackendHealth health() {
    return health;
  }

  /** Records a check's result; returns whether the state changed (a change is counted). */
  boolean health(BackendHealth next) {
    BackendHealth previous = health;
    health = next;
    if (!next.applied().isEmpty()) {
      knownApplied = next.applied().union(knownApplied);
    }
    boolean changed = !previous.summary().equals(next.summary());
    if (changed && previous.state() != BackendHealth.State.UNKNOWN) {
      stateChanges.incrementAndGet();
    }
    return changed;
  }

  /** Whether this replica is known to have applied everything up to {@code position}. */
  public boolean hasApplied(GtidPosition position) {
    return knownApplied.covers(position);
  }

  /** A wait on this replica saw {@code position} applied. */
  public void applied(GtidPosition position) {
    knownApplied = knownApplied.union(position);
  }

  /** Statements sent here as the group's primary. */
  public void routedWrite() {
    writesRouted.increment();
  }

  /** Statements sent here as a replica. */
  public void routedRead() {
    readsRouted.increment();
  }

  public long writesRouted() {
    return writesRouted.sum();
  }

  public long readsRouted() {
    return readsRouted.sum();
  }

  public long stateChanges() {
    return stateChanges.get();
  }

  /** Connections borrowed from this server's pool and not yet returned. */
  public int outstanding() {
    return pool.inUse();
  }
}
