package io.shardway.config;

import java.util.Objects;

/**
 * Where the admin HTTP endpoint (health, metrics page, dashboard) listens (optional key {@code
 * admin}); without it the endpoint is off.
 *
 * @param host the address to bind; defaults to {@value #DEFAULT_HOST} so the endpoint is not
 *     exposed by accident
 * @param port the TCP port; required
 */
public record Admin(String host, int port) {

  /** The default bind address. */
  public static final String DEFAULT_HOST = "127.0.0.1";

  /** Checks the arguments. */
  public Admin {
    Objects.requireNonNull(host, "host");
  }
}
