package io.shardway.config;

import java.util.List;
import java.util.Objects;

/**
 * How the proxy authenticates MySQL clients (key {@code auth}).
 *
 * @param defaultPlugin the plugin named in the initial handshake, one of {@link #PLUGINS}; defaults
 *     to {@value #MYSQL_NATIVE_PASSWORD}, which every client supports without TLS or RSA keys
 * @param requireFullAuth when true, {@code caching_sha2_password} always runs the full exchange
 *     instead of its fast path; defaults to false
 */
public record Auth(String defaultPlugin, boolean requireFullAuth) {

  /** The SHA-1 based plugin of MySQL 5.x. */
  public static final String MYSQL_NATIVE_PASSWORD = "mysql_native_password";

  /** The SHA-256 based plugin that MySQL 8 uses by default. */
  public static final String CACHING_SHA2_PASSWORD = "caching_sha2_password";

  /** The plugins the proxy implements. */
  public static final List<String> PLUGINS = List.of(MYSQL_NATIVE_PASSWORD, CACHING_SHA2_PASSWORD);

  /** The settings used when the file has no {@code auth} key. */
  public static final Auth DEFAULTS = new Auth(MYSQL_NATIVE_PASSWORD, false);

  /**
   * Checks the arguments.
   *
   * @throws IllegalArgumentException if {@code defaultPlugin} is not one of {@link #PLUGINS}
   */
  public Auth {
    Objects.requireNonNull(defaultPlugin, "defaultPlugin");
    if (!PLUGINS.contains(defaultPlugin)) {
      throw new IllegalArgumentException(
          "defaultPlugin: expected one of " + PLUGINS + ", got " + defaultPlugin);
    }
  }
}
