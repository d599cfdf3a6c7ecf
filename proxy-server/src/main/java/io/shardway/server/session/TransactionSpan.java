package io.shardway.server.session;

import io.shardway.protocol.ErrPacket;
import io.shardway.router.StatementInfo;
import io.shardway.router.StatementKind;
import io.shardway.server.backend.BackendConnection;
import io.shardway.server.topology.BackendGroup;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The writer connections of the shard groups a transaction reached after its first: each joined the
 * transaction when a statement first needed its group, and all of them end with it. COMMIT commits
 * the first group's connection, then the others in the order they joined; one that fails stops the
 * commit and the rest roll back. Without two-phase commit, groups that committed before the failure
 * stay committed: the error names the groups in each state, and is logged.
 */
final class TransactionSpan {
  private static final Logger log = LoggerFactory.getLogger(TransactionSpan.class);

  /**
   * What may run while a transaction spans several groups: statements that stay inside it. Others
   * would end it on one group only (DDL, BEGIN, LOCK TABLES commit implicitly) or need one server's
   * view of it (savepoints).
   */
  private static final Set<StatementKind> WITHIN =
      Set.of(
          StatementKind.SELECT,
          StatementKind.INSERT,
          StatementKind.UPDATE,
          StatementKind.DELETE,
          StatementKind.REPLACE,
          StatementKind.SET,
          StatementKind.SHOW,
          StatementKind.EXPLAIN,
          StatementKind.DO,
          StatementKind.EMPTY,
          StatementKind.COMMIT,
          StatementKind.ROLLBACK);

  private final Map<BackendGroup, BackendConnection> joined = new LinkedHashMap<>();

  boolean isEmpty() {
    return joined.isEmpty();
  }

  /** The connection of {@code group} in the transaction, or null when the group has not joined. */
  BackendConnection connection(BackendGroup group) {
    return joined.get(group);
  }

  void join(BackendGroup group, BackendConnection connection) {
    joined.put(group, connection);
  }

  boolean holds(BackendConnection connection) {
    return joined.containsValue(connection);
  }

  /**
   * Why {@code info} cannot run in a transaction that spans groups, as a phrase for error 1235;
   * null when it can. Unparsed statements ({@code info} null) cannot: what they do is unknown.
   */
  static String refusal(StatementInfo info) {
    if (info != null && WITHIN.contains(info.kind()) && info.statementCount() == 1) {
      return null;
    }
    return (info == null ? "this statement" : info.kind().name().replace('_', ' ') + " statements")
        + " inside a transaction that spans several shard groups; end it with COMMIT or ROLLBACK"
        + " first";
  }

  /**
   * Commits {@code first}, the connection of the group where the transaction began, then every
   * joined one; returns null when all committed, else the error to answer. Every connection leaves
   * the transaction either way; the joined ones are given back.
   */
  ErrPacket commit(BackendGroup firstGroup, BackendConnection first, BackendLease lease) {
    List<BackendGroup> groups = new ArrayList<>();
    List<BackendConnection> connections = new ArrayList<>();
    groups.add(firstGroup);
    connections.add(first);
    joined.forEach(
        (group, connection) -> {
          groups.add(group);
          connections.add(connection);
        });
    List<String> committed = new ArrayList<>();
    ErrPacket failure = null;
    String failedGroup = null;
    List<String> rolledBack = new ArrayList<>();
    for (int i = 0; i < connections.size(); i++) {
      String name = groups.get(i).name();
      if (failure != null) {
        end(connections.get(i), "ROLLBACK");
        rolledBack.add(name);
        continue;
      }
      ErrPacket error = end(connections.get(i), "COMMIT");
      if (error == null) {
        committed.add(name);
      } else {
        failure = error;
        failedGroup = name;
      }
    }
    release(lease);
    if (failure == null) {
      return null;
    }
    String states =
        " (COMMIT failed on shard group '"
            + failedGroup
            + "'"
            + (committed.isEmpty() ? "" : "; committed on " + quoted(committed))
            + (rolledBack.isEmpty() ? "" : "; rolled back on " + quoted(rolledBack))
            + ")";
    log.warn(
        "transaction across shard groups ended partly committed: {}{}", failure.message(), states);
    return new ErrPacket(failure.errorCode(), failure.sqlState(), failure.message() + states);
  }

  /** Rolls back {@code first} and every joined connection, and gives back the joined ones. */
  void rollback(BackendConnection first, BackendLease lease) {
    end(first, "ROLLBACK");
    joined.values().forEach(connection -> end(connection, "ROLLBACK"));
    release(lease);
  }

  /** The joined connections are closed: their transactions roll back with them. */
  void abandon() {
    joined
        .values()
        .forEach(
            connection -> {
              connection.markBroken();
              connection.release();
            });
    joined.clear();
  }

  private void release(BackendLease lease) {
    List<BackendConnection> connections = new ArrayList<>(joined.values());
    joined.clear();
    connections.forEach(lease::giveBackPart);
  }

  /** Runs COMMIT or ROLLBACK; a connection that fails it is closed, which rolls it back. */
  private static ErrPacket end(BackendConnection connection, String statement) {
    try {
      ErrPacket error = BackendCommands.query(connection.channel(), statement);
      if (error != null && statement.equals("ROLLBACK")) {
        connection.markBroken();
      }
      return error;
    } catch (IOException e) {
      connection.markBroken();
      return Errors.lostConnection(false);
    }
  }

  private static String quoted(List<String> groups) {
    return "'" + String.join("', '", groups) + "'";
  }
}
