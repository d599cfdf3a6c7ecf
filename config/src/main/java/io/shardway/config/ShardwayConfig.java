package io.shardway.config;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A whole, validated Shardway configuration, as {@link ConfigLoader} returns it.
 *
 * <p>References inside it hold: every schema a user names exists, and every shard group a schema or
 * table names exists.
 *
 * @param listen where clients connect
 * @param tls the frontend certificate, when clients may use TLS
 * @param auth how clients authenticate
 * @param maxAllowedPacket the largest packet the proxy accepts from a client, in bytes (key {@code
 *     maxAllowedPacket}); defaults to 64MiB, from 1KiB to 1GiB, the range MySQL allows for {@code
 *     max_allowed_packet}
 * @param users the accounts clients log in with, at least one
 * @param backendUser the account the proxy uses on the backends
 * @param shardGroups the shard groups by name, in file order, at least one
 * @param schemas the logical schemas by name, in file order, at least one
 * @param pool the backend connection pool settings
 * @param readWrite how reads are split between primaries and replicas; {@link ReadWrite#DEFAULTS}
 *     when the file has no {@code readWrite} key
 * @param admin the admin HTTP endpoint, when enabled: {@link Admin#DEFAULTS} when the file has no
 *     {@code admin} key, empty when it says {@code enabled: false}
 * @param workerId this instance's part of the keys it generates (key {@code workerId}), from 0 to
 *     {@value #MAX_WORKER_ID}; defaults to 0. Instances that insert into the same tables with a
 *     {@link TableConfig#keyGenerator} need different ones, or they may generate the same key
 * @param source the file this was loaded from, as named to the loader
 */
public record ShardwayConfig(
    Listen listen,
    Optional<Tls> tls,
    Auth auth,
    long maxAllowedPacket,
    List<User> users,
    BackendUser backendUser,
    Map<String, ShardGroup> shardGroups,
    Map<String, SchemaConfig> schemas,
    Pool pool,
    ReadWrite readWrite,
    Optional<Admin> admin,
    int workerId,
    Path source) {

  /** The default {@code maxAllowedPacket}, 64MiB, the default of MySQL 8. */
  public static final long DEFAULT_MAX_ALLOWED_PACKET = 64L << 20;

  /** The largest {@code workerId}: Snowflake keys hold it in 10 bits. */
  public static final int MAX_WORKER_ID = 1023;

  /** Checks the arguments and copies the collections, keeping the order of the maps. */
  public ShardwayConfig {
    Objects.requireNonNull(listen, "listen");
    Objects.requireNonNull(tls, "tls");
    Objects.requireNonNull(auth, "auth");
    users = List.copyOf(users);
    Objects.requireNonNull(backendUser, "backendUser");
    shardGroups = Collections.unmodifiableMap(new LinkedHashMap<>(shardGroups));
    schemas = Collections.unmodifiableMap(new LinkedHashMap<>(schemas));
    Objects.requireNonNull(pool, "pool");
    Objects.requireNonNull(readWrite, "readWrite");
    Objects.requireNonNull(admin, "admin");
    if (workerId < 0 || workerId > MAX_WORKER_ID) {
      throw new IllegalArgumentException(
          "workerId: " + workerId + " (expected: 0 to " + MAX_WORKER_ID + ")");
    }
    Objects.requireNonNull(source, "source");
  }
}
