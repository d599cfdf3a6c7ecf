package io.shardway.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The certificate the proxy presents to MySQL clients that ask for TLS (optional key {@code tls}).
 *
 * <p>The loader resolves relative paths against the directory of the configuration file and checks
 * that both files exist; it does not read them.
 *
 * @param certificate the PEM certificate chain, leaf first
 * @param key the PEM private key of the leaf certificate
 */
public record Tls(Path certificate, Path key) {

  /** Checks the arguments. */
  public Tls {
    Objects.requireNonNull(certificate, "certificate");
    Objects.requireNonNull(key, "key");
  }
}
