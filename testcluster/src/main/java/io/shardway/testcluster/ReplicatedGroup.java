package io.shardway.testcluster;

import io.shardway.testcluster.MariaDbServer.Options;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A primary and its replicas: real MariaDB servers replicating with GTIDs, for tests and the demo
 * of read/write splitting, replication lag and failover.
 *
 * <p>The primary has server id 1, replica {@code i} (counting from 0) has {@code i + 2}. Every
 * server writes a binlog with log-slave-updates, so any replica can be {@link #promote promoted};
 * replicas start with {@code read_only=1}. Each replica applies the primary's binlog from its
 * start, so what is created on the primary after {@link #start} (schemas, {@link
 * MariaDbServer#createUser users}) reaches every replica, while the root accounts stay each
 * server's own: mariadb-install-db writes no binlog.
 *
 * <p>{@code read_only} does not stop root or users made by {@link MariaDbServer#createUser}: ALL
 * PRIVILEGES includes READ_ONLY ADMIN. A write on a replica gives it a GTID the primary does not
 * have, and strict GTID mode then stops its replication with an error: write on the primary only.
 *
 * <p>The methods that run SQL throw {@link IllegalStateException} with the statement in the message
 * and the driver's exception as the cause.
 */
public final class ReplicatedGroup implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ReplicatedGroup.class);

  private static final String REPLICATION_USER = "repl";
  private static final String REPLICATION_PASSWORD = "repl";
  private static final String REPLICATION_ACCOUNT =
      "'" + REPLICATION_USER + "'@'" + MariaDbCommands.HOST + "'";

  private static final List<String> REPLICA_ARGS =
      List.of(
          "--read-only=1",
          // The group starts replication itself, so that a replica stopped with
          // stopReplication stays stopped across stopServer and startServer.
          "--skip-slave-start");

  private static final Duration REPLICATION_START_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration POLL_INTERVAL = Duration.ofMillis(20);

  private final MariaDbServer primary;
  private final List<MariaDbServer> replicas;

  /** Per replica: whether it should be replicating (false once stopped or promoted). */
  private final boolean[] replicating;

  private ReplicatedGroup(MariaDbServer primary, List<MariaDbServer> replicas) {
    this.primary = primary;
    this.replicas = List.copyOf(replicas);
    this.replicating = new boolean[replicas.size()];
    Arrays.fill(replicating, true);
  }

  /** Starts a primary and {@code replicas} replicas with {@link Options#defaults()}. */
  public static ReplicatedGroup start(int replicas) {
    return start(replicas, Options.defaults());
  }

  /**
   * Starts a primary and {@code replicas} replicas at once, connects each replica to the primary
   * and returns once replication runs on all of them. Fails with a replica's last replication
   * errors if it does not.
   *
   * @param base options for every server; its server id and binlog setting are replaced per server,
   *     its extra arguments come after the group's own (so they may override {@code read_only}),
   *     and its port must be 0 and its base directory null, as servers cannot share them
   */
  public static ReplicatedGroup start(int replicas, Options base) {
    Objects.requireNonNull(base, "base");
    if (replicas < 0) {
      throw new IllegalArgumentException("replicas: " + replicas + " (expected: >= 0)");
    }
    if (base.port() != 0 || base.baseDirectory() != null) {
      throw new IllegalArgumentException(
          "base options: port "
              + base.port()
              + ", base directory "
              + base.baseDirectory()
              + " (expected: port 0 and no base directory, which each server picks itself)");
    }
    long started = System.nanoTime();
    List<Options> options = new ArrayList<>();
    options.add(base.withServerId(1).withBinlog(true));
    for (int i = 0; i < replicas; i++) {
      List<String> args = Stream.concat(REPLICA_ARGS.stream(), base.extraArgs().stream()).toList();
      options.add(
          base.withServerId(i + 2).withBinlog(true).withExtraArgs(args.toArray(String[]::new)));
    }
    MariaDbServer[] servers = new MariaDbServer[options.size()];
    List<Runnable> starts = new ArrayList<>();
    for (int i = 0; i < servers.length; i++) {
      int server = i;
      starts.add(() -> servers[server] = MariaDbServer.start(options.get(server)));
    }
    try {
      Parallel.run("mariadb-start", starts);
      ReplicatedGroup group =
          new ReplicatedGroup(servers[0], Arrays.asList(servers).subList(1, servers.length));
      group.connectReplicas();
      log.info(
          "Primary on port {} and replicas on {} replicating in {} ms",
          group.primary.port(),
          group.replicas.stream().map(MariaDbServer::port).toList(),
          (System.nanoTime() - started) / 1_000_000);
      return group;
    } catch (RuntimeException e) {
      try {
        closeAll(Arrays.stream(servers).filter(Objects::nonNull).toList());
      } catch (RuntimeException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  public MariaDbServer primary() {
    return primary;
  }

  public List<MariaDbServer> replicas() {
    return replicas;
  }

  public MariaDbServer replica(int i) {
    return replicas.get(i);
  }

  /**
   * Waits until every replica that replicates and runs has applied all that the primary has written
   * so far. Replicas stopped with {@link #stopReplication}, {@link #stopServer} or promoted are
   * skipped; a {@link #delayReplica delayed} one is waited for.
   */
  public synchronized void awaitReplicated(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    String written = primary.queryRow("SELECT @@gtid_binlog_pos AS pos").get("pos");
    for (int i = 0; i < replicas.size(); i++) {
      MariaDbServer replica = replicas.get(i);
      if (!replicating[i] || !replica.isRunning()) {
        continue;
      }
      double secondsLeft = Math.max(0, deadline - System.nanoTime()) / 1e9;
      String wait =
          String.format(
              Locale.ROOT, "SELECT MASTER_GTID_WAIT('%s', %.3f) AS result", written, secondsLeft);
      if (!"0".equals(replica.queryRow(wait).get("result"))) {
        Map<String, String> status = replica.queryRow("SHOW SLAVE STATUS");
        throw new IllegalStateException(
            "replica "
                + i
                + " has applied "
                + replica.queryRow("SELECT @@gtid_slave_pos AS pos").get("pos")
                + " but the primary has written "
                + written
                + " (waited "
                + timeout.toMillis()
                + " ms; "
                + describe(status)
                + ")");
      }
    }
  }

  /**
   * Makes replica {@code i} apply each transaction {@code seconds} after the primary wrote it (0:
   * at once) and leaves it replicating. The delay counts from the whole second in which the primary
   * wrote, so a transaction may come up to a second early.
   */
  public synchronized void delayReplica(int i, int seconds) {
    if (seconds < 0) {
      throw new IllegalArgumentException("seconds: " + seconds + " (expected: >= 0)");
    }
    MariaDbServer replica = replicas.get(i);
    replica.execute("STOP SLAVE", "CHANGE MASTER TO MASTER_DELAY=" + seconds, "START SLAVE");
    replicating[i] = true;
    awaitRunning(replica);
  }

  /** Stops replication on replica {@code i}; it keeps what it has applied and serves reads. */
  public synchronized void stopReplication(int i) {
    replicas.get(i).execute("STOP SLAVE");
    replicating[i] = false;
  }

  /** Starts replication on replica {@code i} again and returns once both threads run. */
  public synchronized void startReplication(int i) {
    MariaDbServer replica = replicas.get(i);
    replica.execute("START SLAVE");
    replicating[i] = true;
    awaitRunning(replica);
  }

  /**
   * A failover without the failure: the primary becomes read-only, replica {@code i} forgets its
   * primary and becomes writable. What the replica has not applied yet is lost, as when a primary
   * dies; call {@link #awaitReplicated} first for a switchover that loses nothing. The other
   * replicas still replicate the old primary, and {@link #primary()} still returns it. The
   * read-only settings do not survive a restart of either server.
   */
  public synchronized void promote(int i) {
    MariaDbServer replica = replicas.get(i);
    primary.execute("SET GLOBAL read_only=1");
    replica.execute("STOP SLAVE", "RESET SLAVE ALL", "SET GLOBAL read_only=0");
    replicating[i] = false;
  }

  /** Shuts down replica {@code i}'s server, keeping its data. Idempotent. */
  public synchronized void stopServer(int i) {
    replicas.get(i).stop();
  }

  /**
   * Starts replica {@code i}'s stopped server again on the same port and, unless it was stopped
   * with {@link #stopReplication} or promoted, resumes replication where it stopped and returns
   * once both threads run. Does nothing while the server runs.
   */
  public synchronized void startServer(int i) {
    MariaDbServer replica = replicas.get(i);
    if (replica.isRunning()) {
      return;
    }
    replica.restart();
    if (replicating[i]) {
      replica.execute("START SLAVE");
      awaitRunning(replica);
    }
  }

  /** Stops every server at once and deletes their directories. Idempotent. */
  @Override
  public synchronized void close() {
    List<MariaDbServer> servers = new ArrayList<>();
    servers.add(primary);
    servers.addAll(replicas);
    closeAll(servers);
  }

  @Override
  public String toString() {
    return "ReplicatedGroup[primary " + primary + ", replicas " + replicas + "]";
  }

  private void connectReplicas() {
    primary.execute(
        "CREATE USER " + REPLICATION_ACCOUNT + " IDENTIFIED BY '" + REPLICATION_PASSWORD + "'",
        "GRANT REPLICATION SLAVE ON *.* TO " + REPLICATION_ACCOUNT);
    for (MariaDbServer replica : replicas) {
      // slave_pos is empty on a fresh replica: it asks for the primary's binlog from the start.
      replica.execute(
          "CHANGE MASTER TO MASTER_HOST='"
              + primary.host()
              + "', MASTER_PORT="
              + primary.port()
              + ", MASTER_USER='"
              + REPLICATION_USER
              + "', MASTER_PASSWORD='"
              + REPLICATION_PASSWORD
              + "', MASTER_USE_GTID=slave_pos"
              // MariaDB 11.4 replicas require TLS by default; the servers run with --skip-ssl.
              + ", MASTER_SSL=0",
          "START SLAVE");
    }
    replicas.forEach(ReplicatedGroup::awaitRunning);
  }

  /**
   * Waits until the replica's IO thread is connected and its SQL thread runs. Fails with the last
   * errors at once if a thread has stopped or the IO thread could not connect (it would try again
   * only after a minute), and after 30 seconds if it is still connecting.
   */
  private static void awaitRunning(MariaDbServer replica) {
    long deadline = System.nanoTime() + REPLICATION_START_TIMEOUT.toNanos();
    while (true) {
      Map<String, String> status = replica.queryRow("SHOW SLAVE STATUS");
      String io = status.get("Slave_IO_Running");
      String sql = status.get("Slave_SQL_Running");
      if ("Yes".equals(io) && "Yes".equals(sql)) {
        return;
      }
      boolean stopped = io == null || "No".equals(io) || !"Yes".equals(sql);
      boolean failed = stopped || !status.get("Last_IO_Error").isEmpty();
      if (failed || System.nanoTime() >= deadline) {
        throw new IllegalStateException(
            "replication "
                + (failed ? "failed" : "not connected within " + REPLICATION_START_TIMEOUT)
                + " on "
                + replica
                + ": "
                + describe(status));
      }
      sleep(POLL_INTERVAL);
    }
  }

  private static String describe(Map<String, String> status) {
    return "Slave_IO_Running "
        + status.get("Slave_IO_Running")
        + ", Slave_SQL_Running "
        + status.get("Slave_SQL_Running")
        + ", Last_IO_Error '"
        + status.get("Last_IO_Error")
        + "', Last_SQL_Error '"
        + status.get("Last_SQL_Error")
        + "'";
  }

  private static void closeAll(List<MariaDbServer> servers) {
    Parallel.run("mariadb-close", servers.stream().<Runnable>map(s -> s::close).toList());
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for replication", e);
    }
  }
}
