package io.shardway.config;

import java.util.Objects;
import java.util.Optional;

/**
 * The admin HTTP endpoint: health checks, Prometheus metrics and the {@code /admin/...} pages (key
 * {@code admin}). It is on unless the file says {@code admin: { enabled: false }}, so that a probe
 * or a scrape finds it where the defaults say.
 *
 * @param host the address to bind; defaults to {@value #DEFAULT_HOST} so the endpoint is not
 *     exposed by accident
 * @param port the TCP port, 0 to 65535; defaults to {@value #DEFAULT_PORT}, the port of the MySQL
 *     server exporter; 0 binds a free one
 * @param token the secret that {@code /admin/...} requests must send as {@code Authorization:
 *     Bearer TOKEN}; without one those pages are refused
 */
public record Admin(String host, int port, Optional<String> token) {

  /** The default bind address. */
  public static final String DEFAULT_HOST = "127.0.0.1";

  /** The default port. */
  public static final int DEFAULT_PORT = 9104;

  /** The endpoint used when the file has no {@code admin} key. */
  public static final Admin DEFAULTS = new Admin(DEFAULT_HOST, DEFAULT_PORT, Optional.empty());

  /**
   * Checks the arguments.
   *
   * @throws IllegalArgumentException if {@code port} is not between 0 and 65535, or the token is
   *     empty
   */
  public Admin {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(token, "token");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port: " + port + " (expected: 0 to 65535)");
    }
    if (token.isPresent() && token.get().isEmpty()) {
      throw new IllegalArgumentException("token: empty (expected: absent or a secret)");
    }
  }

  /** Leaves the token out, so that logging a config does not leak it. */
  @Override
  public String toString() {
    return "Admin[host="
        + host
        + ", port="
        + port
        + ", token="
        + (token.isPresent() ? "***" : "none")
        + "]";
  }
}
