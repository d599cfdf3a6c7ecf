package io.shardway.demo;

import io.shardway.testcluster.ReplicatedGroup;
import java.util.List;

/**
 * What the demo prints once it runs: what listens where, how to connect, and queries that show how
 * the rows are spread over the shard groups.
 */
final class DemoBanner {
  /** The user the examples look up; which group holds it is computed, not assumed. */
  static final long EXAMPLE_USER = 7;

  /** The queries the banner suggests, in its order; DemoClusterIT runs each through Shardway. */
  static final List<Example> EXAMPLES =
      List.of(
          new Example(
              "SELECT @@port, @@server_id, name FROM users WHERE id = " + EXAMPLE_USER,
              "user "
                  + EXAMPLE_USER
                  + " lives in "
                  + DemoConfig.shardGroupOf(EXAMPLE_USER)
                  + ": one group, read on its replica (server id 2)"),
          new Example(
              "SELECT COUNT(*) FROM users", "both groups count their users; Shardway adds them up"),
          new Example(
              "SELECT u.name, o.amount, o.status FROM users u JOIN orders o ON o.user_id = u.id"
                  + " WHERE u.id = "
                  + EXAMPLE_USER,
              "a user's orders live with the user: the join runs in one group"),
          new Example(
              "SELECT COUNT(*) FROM users u JOIN orders o ON o.user_id = u.id",
              "the same join over every user: each group joins its own rows"),
          new Example(
              "SELECT c.name FROM users u JOIN countries c ON c.code = u.country_code"
                  + " WHERE u.id = "
                  + EXAMPLE_USER,
              "countries is copied to every group, so it joins with any of them"),
          new Example(
              "SHOW SHARDWAY BACKENDS", "each server's role and the statements Shardway sent it"));

  /**
   * A query to try, and what its answer shows.
   *
   * @param sql the statement, without a terminating semicolon
   * @param shows a sentence for the comment above it
   */
  record Example(String sql, String shows) {}

  private DemoBanner() {}

  static String render(DemoCluster cluster) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            "%nShardway demo is running on 127.0.0.1:%d, in front of %d shard groups of MariaDB:%n",
            cluster.port(), DemoConfig.SHARD_GROUPS.size()));
    for (String name : DemoConfig.SHARD_GROUPS) {
      ReplicatedGroup group = cluster.group(name);
      out.append(
          String.format(
              "  %s: primary 127.0.0.1:%d (server id 1, writes), replica 127.0.0.1:%d"
                  + " (server id 2, reads)%n",
              name, group.primary().port(), group.replica(0).port()));
    }
    out.append(
        String.format(
            """

              mysql -h127.0.0.1 -P%d -u%s -p%s appdb
              %s

            Health, metrics and the admin pages (token "%s"):

              curl %s/health/ready
              curl %s/metrics
              curl -H 'Authorization: Bearer %s' %s/admin/backends

            Schema appdb: users is sharded by id and orders by user_id, both with the %s algorithm
            over %s, so each user's orders live in the user's group; countries is copied to every
            group. Try:

            """,
            cluster.port(),
            DemoConfig.APP_USER,
            DemoConfig.APP_PASSWORD,
            cluster.jdbcUrl(),
            DemoConfig.ADMIN_TOKEN,
            cluster.adminUrl(),
            cluster.adminUrl(),
            DemoConfig.ADMIN_TOKEN,
            cluster.adminUrl(),
            DemoConfig.algorithmType(),
            String.join(" and ", DemoConfig.SHARD_GROUPS)));
    for (Example example : EXAMPLES) {
      out.append("  -- ").append(example.shows()).append('\n');
      out.append("  ").append(example.sql()).append(";\n");
    }
    out.append(String.format("%nPress Ctrl-C to stop.%n"));
    return out.toString();
  }
}
