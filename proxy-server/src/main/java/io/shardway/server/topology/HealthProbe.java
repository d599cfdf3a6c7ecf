package io.shardway.server.topology;

import io.shardway.config.ReadWrite;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;

/**
 * One server's health check, on a connection of its own (outside the pool, so a busy pool cannot
 * delay it): reachable, {@code @@read_only}, replication running and its lag, the GTIDs it applied.
 * When {@code readWrite.heartbeatTable} is set, the group's writer gets a heartbeat row each check
 * and a replica's lag is the age of the row it has.
 */
final class HealthProbe implements AutoCloseable {
  /** MariaDB and MySQL's "unknown system variable", e.g. {@code @@gtid_slave_pos} on MySQL. */
  private static final int UNKNOWN_SYSTEM_VARIABLE = 1193;

  private static final int PARSE_ERROR = 1064;

  private final BackendGroup group;
  private final GroupMember member;
  private final Duration maxLag;
  private final Duration timeout;
  private final Optional<String> heartbeatTable;
  private Connection connection;
  private boolean mariaDbGtids = true;
  private boolean replicaStatusSyntax = true;
  private boolean heartbeatTableReady;

  HealthProbe(BackendGroup group, GroupMember member, ReadWrite settings) {
    this.group = group;
    this.member = member;
    this.maxLag = settings.maxReplicaLag();
    this.heartbeatTable = settings.heartbeatTable();
    // Long enough for a loaded server to answer, short enough to notice a hung one quickly.
    Duration twice = settings.monitorInterval().multipliedBy(2);
    this.timeout = twice.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : twice;
  }

  void check() {
    BackendHealth health;
    try {
      health = probe();
    } catch (SQLException e) {
      close();
      health = BackendHealth.down(e.getMessage());
    }
    group.checked(member, health);
  }

  private BackendHealth probe() throws SQLException {
    if (connection == null) {
      connection = member.pool().connectUnpooled(timeout);
    }
    try (Statement statement = connection.createStatement()) {
      statement.setQueryTimeout((int) Math.max(1, timeout.toSeconds()));
      boolean readOnly;
      boolean gtids;
      GtidPosition applied = GtidPosition.EMPTY;
      try (ResultSet rs = statement.executeQuery(variablesQuery())) {
        rs.next();
        readOnly = rs.getBoolean(1);
        gtids = mariaDbGtids && rs.getBoolean(2);
        if (mariaDbGtids) {
          applied = GtidPosition.parse(rs.getString(3));
        }
      } catch (SQLException e) {
        if (e.getErrorCode() != UNKNOWN_SYSTEM_VARIABLE || !mariaDbGtids) {
          throw e;
        }
        mariaDbGtids = false;
        return probe();
      }
      if (!readOnly && heartbeatTable.isPresent() && group.writer() == member) {
        beat(statement, heartbeatTable.get());
      }
      // A server alone in its group has no replica to weigh: its replication status, which needs
      // a privilege (SLAVE MONITOR, REPLICATION CLIENT) a least-privilege account lacks, is not
      // asked.
      Replication replication = group.hasReplicas() ? replication(statement) : null;
      if (replication == null) {
        return readOnly
            ? new BackendHealth(
                BackendHealth.State.LAGGING,
                true,
                null,
                applied,
                gtids,
                "read-only, not replicating")
            : new BackendHealth(BackendHealth.State.UP, false, null, applied, gtids, "");
      }
      if (!replication.running()) {
        return new BackendHealth(
            BackendHealth.State.LAGGING, readOnly, null, applied, gtids, "replication stopped");
      }
      Duration lag = replication.lag();
      if (heartbeatTable.isPresent()) {
        Duration age = heartbeatAge(statement, heartbeatTable.get());
        lag = age != null ? age : lag;
      }
      if (lag == null) {
        return new BackendHealth(
            BackendHealth.State.LAGGING, readOnly, null, applied, gtids, "lag unknown");
      }
      if (lag.compareTo(maxLag) > 0) {
        return new BackendHealth(
            BackendHealth.State.LAGGING,
            readOnly,
            lag,
            applied,
            gtids,
            "lag " + lag.toMillis() + "ms above maxReplicaLag " + maxLag.toMillis() + "ms");
      }
      return new BackendHealth(BackendHealth.State.UP, readOnly, lag, applied, gtids, "");
    }
  }

  private String variablesQuery() {
    return mariaDbGtids
        ? "SELECT @@read_only, @@log_bin, @@gtid_slave_pos"
        : "SELECT @@read_only, @@log_bin";
  }

  /** What SHOW REPLICA STATUS says, or null when the server replicates from nobody. */
  private record Replication(boolean running, Duration lag) {}

  private Replication replication(Statement statement) throws SQLException {
    ResultSet rs;
    try {
      rs =
          statement.executeQuery(replicaStatusSyntax ? "SHOW REPLICA STATUS" : "SHOW SLAVE STATUS");
    } catch (SQLException e) {
      // Servers before MariaDB 10.5 and MySQL 8.0.22 know only the older spelling.
      if (e.getErrorCode() != PARSE_ERROR || !replicaStatusSyntax) {
        throw e;
      }
      replicaStatusSyntax = false;
      return replication(statement);
    }
    try (rs) {
      if (!rs.next()) {
        return null;
      }
      ResultSetMetaData meta = rs.getMetaData();
      boolean io =
          "Yes".equalsIgnoreCase(column(rs, meta, "Slave_IO_Running", "Replica_IO_Running"));
      boolean sql =
          "Yes".equalsIgnoreCase(column(rs, meta, "Slave_SQL_Running", "Replica_SQL_Running"));
      String seconds = column(rs, meta, "Seconds_Behind_Master", "Seconds_Behind_Source");
      Duration lag = seconds == null ? null : Duration.ofSeconds(Long.parseLong(seconds));
      return new Replication(io && sql, lag);
    }
  }

  /** The value of the first of {@code names} that the result has. */
  private static String column(ResultSet rs, ResultSetMetaData meta, String... names)
      throws SQLException {
    for (int i = 1; i <= meta.getColumnCount(); i++) {
      String label = meta.getColumnLabel(i);
      for (String name : names) {
        if (label.equalsIgnoreCase(name)) {
          return rs.getString(i);
        }
      }
    }
    return null;
  }

  private void beat(Statement statement, String table) throws SQLException {
    if (!heartbeatTableReady) {
      statement.execute("CREATE DATABASE IF NOT EXISTS " + table.substring(0, table.indexOf('.')));
      statement.execute(
          "CREATE TABLE IF NOT EXISTS " + table + " (id INT PRIMARY KEY, ts DATETIME(6) NOT NULL)");
      heartbeatTableReady = true;
    }
    statement.executeUpdate(
        "INSERT INTO "
            + table
            + " (id, ts) VALUES (1, UTC_TIMESTAMP(6)) ON DUPLICATE KEY UPDATE ts = VALUES(ts)");
  }

  /** How old the replica's heartbeat row is, or null when it has none yet. */
  private static Duration heartbeatAge(Statement statement, String table) throws SQLException {
    try (ResultSet rs =
        statement.executeQuery(
            "SELECT TIMESTAMPDIFF(MICROSECOND, ts, UTC_TIMESTAMP(6)) FROM "
                + table
                + " WHERE id = 1")) {
      if (!rs.next()) {
        return null;
      }
      return Duration.ofNanos(Math.max(0, rs.getLong(1)) * 1000);
    } catch (SQLException e) {
      // The table has not replicated here yet.
      return null;
    }
  }

  @Override
  public void close() {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException e) {
        // Closing a connection that failed: nothing left to do.
      }
      connection = null;
    }
  }
}
