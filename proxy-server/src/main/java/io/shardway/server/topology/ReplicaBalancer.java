package io.shardway.server.topology;

import io.shardway.config.ReadWrite;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Picks one of the healthy replicas for a read, as {@code readWrite.balance} says. */
abstract class ReplicaBalancer {

  static ReplicaBalancer of(ReadWrite.Balance balance) {
    return switch (balance) {
      case ROUND_ROBIN -> new RoundRobin();
      case WEIGHTED -> new Weighted();
      case LEAST_OUTSTANDING -> new LeastOutstanding();
    };
  }

  /** One of {@code candidates}, which is not empty and holds only replicas with weight above 0. */
  abstract GroupMember pick(List<GroupMember> candidates);

  /** Each replica in turn. */
  private static final class RoundRobin extends ReplicaBalancer {
    private final AtomicLong next = new AtomicLong();

    @Override
    GroupMember pick(List<GroupMember> candidates) {
      return candidates.get((int) Math.floorMod(next.getAndIncrement(), candidates.size()));
    }
  }

  /** In turn too, but a replica of weight 3 takes three reads for each one of a replica of 1. */
  private static final class Weighted extends ReplicaBalancer {
    private final AtomicLong next = new AtomicLong();

    @Override
    GroupMember pick(List<GroupMember> candidates) {
      long total = 0;
      for (GroupMember member : candidates) {
        total += member.weight();
      }
      long slot = Math.floorMod(next.getAndIncrement(), total);
      for (GroupMember member : candidates) {
        slot -= member.weight();
        if (slot < 0) {
          return member;
        }
      }
      return candidates.get(candidates.size() - 1);
    }
  }

  /** The replica with the fewest borrowed connections; ties are taken in turn. */
  private static final class LeastOutstanding extends ReplicaBalancer {
    private final AtomicLong start = new AtomicLong();

    @Override
    GroupMember pick(List<GroupMember> candidates) {
      int size = candidates.size();
      int first = (int) Math.floorMod(start.getAndIncrement(), size);
      GroupMember best = candidates.get(first);
      for (int i = 1; i < size; i++) {
        GroupMember member = candidates.get((first + i) % size);
        if (member.outstanding() < best.outstanding()) {
          best = member;
        }
      }
      return best;
    }
  }
}
