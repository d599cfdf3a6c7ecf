package io.shardway.config;

import java.util.Objects;

/**
 * Where the proxy accepts MySQL client connections (key {@code listen}).
 *
 * @param host the address to bind; defaults to {@value #DEFAULT_HOST}, loopback only, because the
 *     usual deployment is a sidecar whose application is in the same network namespace
 * @param port the TCP port; defaults to {@value #DEFAULT_PORT}
 */
public record Listen(String host, int port) {

  /** The default bind address. */
  public static final String DEFAULT_HOST = "127.0.0.1";

  /** The default port, the one ProxySQL made customary for MySQL proxies. */
  public static final int DEFAULT_PORT = 6033;

  /** The address used when the file has no {@code listen} key. */
  public static final Listen DEFAULTS = new Listen(DEFAULT_HOST, DEFAULT_PORT);

  /** Checks the arguments. */
  public Listen {
    Objects.requireNonNull(host, "host");
  }
}
