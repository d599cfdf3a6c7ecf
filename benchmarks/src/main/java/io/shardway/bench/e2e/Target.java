package io.shardway.bench.e2e;

import java.util.Arrays;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * One endpoint the load runs against: MariaDB itself, or a process in the middle of the path.
 *
 * @param kind what is listening
 * @param port its port on 127.0.0.1
 * @param user the MySQL account the clients log in with
 * @param password its password
 * @param middlePid the process between client and MariaDB (haproxy or Shardway); empty for direct
 */
record Target(Kind kind, int port, String user, String password, OptionalLong middlePid) {

  static final String HOST = "127.0.0.1";

  /** The targets, in the order the report lists them. */
  enum Kind {
    DIRECT("direct"),
    RELAY("relay"),
    SHARDWAY("shardway");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    String label() {
      return label;
    }

    static Kind named(String name) {
      for (Kind kind : values()) {
        if (kind.label.equals(name.toLowerCase(Locale.ROOT))) {
          return kind;
        }
      }
      throw new IllegalArgumentException(
          "target: " + name + " (expected: one of " + Arrays.toString(labels()) + ")");
    }

    private static String[] labels() {
      return Arrays.stream(values()).map(Kind::label).toArray(String[]::new);
    }
  }

  /**
   * The mysql-connector-j URL. {@code useServerPrepStmts} chooses COM_STMT_PREPARE/EXECUTE over
   * client-side interpolation into COM_QUERY; {@code cachePrepStmts} keeps each connection's
   * statement prepared across executions, as an application's pool would. The socket timeout bounds
   * a stuck query.
   */
  String jdbcUrl(String schema, boolean prepared) {
    return "jdbc:mysql://"
        + HOST
        + ":"
        + port
        + "/"
        + schema
        + "?sslMode=DISABLED&allowPublicKeyRetrieval=true&characterEncoding=UTF-8"
        + "&connectTimeout=10000&socketTimeout=30000"
        + "&useServerPrepStmts="
        + prepared
        + "&cachePrepStmts=true";
  }

  @Override
  public String toString() {
    return kind.label() + " (" + HOST + ":" + port + ")";
  }
}
