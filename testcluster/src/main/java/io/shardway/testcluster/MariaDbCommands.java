package io.shardway.testcluster;

import io.shardway.testcluster.MariaDbServer.Options;
import java.util.ArrayList;
import java.util.List;

/** The command lines that install and run one server, and why each option is there. */
final class MariaDbCommands {
  /**
   * Test data sets are small; the default 96 MiB redo log would make each server's directory about
   * 140 MB and its install slower.
   */
  private static final String SMALL_REDO_LOG = "--innodb-log-file-size=16M";

  static final String HOST = "127.0.0.1";

  private MariaDbCommands() {}

  static List<String> installDb(MariaDbBinaries binaries, ServerDirectory directory) {
    List<String> command = new ArrayList<>();
    command.add(binaries.installDb().toString());
    command.add("--no-defaults");
    command.add("--basedir=" + binaries.home());
    command.add("--datadir=" + directory.data());
    // Not the shared /tmp: installs running at once there lost each other's temporary tables
    // ("Unknown table 'mysql.tmp_user_sys'").
    command.add("--tmpdir=" + directory.tmp());
    // root@localhost and root@127.0.0.1 with an empty password instead of unix_socket
    // authentication, so that JDBC over TCP can log in as root.
    command.add("--auth-root-authentication-method=normal");
    command.add("--skip-test-db");
    command.add(SMALL_REDO_LOG);
    command.add("--skip-name-resolve");
    // Skips the resolveip check of the host name, which needs no network here.
    command.add("--force");
    command.addAll(runAsCurrentUser());
    return command;
  }

  static List<String> server(
      MariaDbBinaries binaries, ServerDirectory directory, int port, Options options) {
    List<String> command = new ArrayList<>();
    command.add(binaries.server().toString());
    // Must come first: never read the host's /etc/mysql/my.cnf.
    command.add("--no-defaults");
    command.add("--basedir=" + binaries.home());
    command.add("--datadir=" + directory.data());
    command.add("--tmpdir=" + directory.tmp());
    command.add("--socket=" + directory.socket());
    command.add("--pid-file=" + directory.pidFile());
    command.add("--port=" + port);
    command.add("--bind-address=" + HOST);
    // No reverse DNS per connection: clients are 127.0.0.1, not localhost, in the grant tables.
    command.add("--skip-name-resolve");
    // MariaDB 11.4 otherwise generates a self-signed TLS certificate at every start, which costs
    // 1 to 10 s of RSA key generation on a small machine. Pass --ssl in extraArgs to get it back.
    command.add("--skip-ssl");
    command.add("--server-id=" + options.serverId());
    command.add("--max-allowed-packet=64M");
    command.add(SMALL_REDO_LOG);
    command.add("--character-set-server=utf8mb4");
    command.add("--collation-server=utf8mb4_general_ci");
    if (options.binlog()) {
      command.add("--log-bin=mariadb-bin");
      command.add("--binlog-format=ROW");
      command.add("--gtid-strict-mode=1");
      // A replica that logs what it applies can be promoted or chained.
      command.add("--log-slave-updates=1");
    }
    command.addAll(runAsCurrentUser());
    // Last, so that they override any of the above (for mariadbd the last occurrence wins).
    command.addAll(options.extraArgs());
    return command;
  }

  /** mariadbd refuses to run as root unless told so explicitly. */
  private static List<String> runAsCurrentUser() {
    return "root".equals(System.getProperty("user.name")) ? List.of("--user=root") : List.of();
  }
}
