package io.shardway.config;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * Binds the sections about the client-facing side: {@code listen}, {@code tls}, {@code auth},
 * {@code maxAllowedPacket} and {@code admin}.
 */
final class FrontendBinder {

  private static final Set<String> ENDPOINT_KEYS = Set.of("host", "port");
  private static final Set<String> ADMIN_KEYS = Set.of("enabled", "host", "port", "token");
  private static final Set<String> TLS_KEYS = Set.of("certificate", "key");
  private static final Set<String> AUTH_KEYS = Set.of("defaultPlugin", "requireFullAuth");

  // MySQL's own bounds for max_allowed_packet.
  private static final long MIN_PACKET = 1L << 10;
  private static final long MAX_PACKET = 1L << 30;

  private final Path baseDirectory;

  /**
   * @param baseDirectory the directory of the configuration file, against which relative TLS paths
   *     resolve, so that a config and its certificates can move together
   */
  FrontendBinder(Path baseDirectory) {
    this.baseDirectory = baseDirectory;
  }

  Optional<Listen> listen(ConfigNode node) {
    return node.asMapping(ENDPOINT_KEYS)
        .flatMap(
            map -> {
              Optional<String> host =
                  map.optional("host", ConfigNode::asNonEmptyString, Listen.DEFAULT_HOST);
              Optional<Integer> port =
                  map.optional("port", FrontendBinder::port, Listen.DEFAULT_PORT);
              if (host.isEmpty() || port.isEmpty()) {
                return Optional.empty();
              }
              return Optional.of(new Listen(host.get(), port.get()));
            });
  }

  /**
   * Binds {@code admin}: empty after a problem; else the endpoint, itself empty when the section
   * says {@code enabled: false}.
   */
  Optional<Optional<Admin>> admin(ConfigNode node) {
    return node.asMapping(ADMIN_KEYS)
        .flatMap(
            map -> {
              Optional<Boolean> enabled = map.optional("enabled", ConfigNode::asBoolean, true);
              Optional<String> host =
                  map.optional("host", ConfigNode::asNonEmptyString, Admin.DEFAULT_HOST);
              // 0 binds a free port, which tests and several instances on one host need.
              Optional<Integer> port =
                  map.optional("port", n -> n.asInt(0, 65535), Admin.DEFAULT_PORT);
              Optional<Optional<String>> token =
                  map.optional(
                      "token", n -> n.asNonEmptyString().map(Optional::of), Optional.empty());
              if (enabled.isEmpty() || host.isEmpty() || port.isEmpty() || token.isEmpty()) {
                return Optional.empty();
              }
              if (!enabled.get()) {
                return Optional.of(Optional.empty());
              }
              return Optional.of(Optional.of(new Admin(host.get(), port.get(), token.get())));
            });
  }

  Optional<Tls> tls(ConfigNode node) {
    return node.asMapping(TLS_KEYS)
        .flatMap(
            map -> {
              Optional<Path> certificate = map.required("certificate", this::existingFile);
              Optional<Path> key = map.required("key", this::existingFile);
              if (certificate.isEmpty() || key.isEmpty()) {
                return Optional.empty();
              }
              return Optional.of(new Tls(certificate.get(), key.get()));
            });
  }

  Optional<Auth> auth(ConfigNode node) {
    return node.asMapping(AUTH_KEYS)
        .flatMap(
            map -> {
              Auth defaults = Auth.DEFAULTS;
              Optional<String> plugin =
                  map.optional(
                      "defaultPlugin", n -> n.asOneOf(Auth.PLUGINS), defaults.defaultPlugin());
              Optional<Boolean> requireFullAuth =
                  map.optional(
                      "requireFullAuth", ConfigNode::asBoolean, defaults.requireFullAuth());
              if (plugin.isEmpty() || requireFullAuth.isEmpty()) {
                return Optional.empty();
              }
              return Optional.of(new Auth(plugin.get(), requireFullAuth.get()));
            });
  }

  Optional<Long> maxAllowedPacket(ConfigNode node) {
    return node.as("a size", DataSize::parse)
        .filter(
            bytes -> {
              boolean inRange = bytes >= MIN_PACKET && bytes <= MAX_PACKET;
              if (!inRange) {
                node.problem("must be between 1KiB and 1GiB, got " + bytes + " bytes");
              }
              return inRange;
            });
  }

  private static Optional<Integer> port(ConfigNode node) {
    return node.asInt(1, 65535);
  }

  private Optional<Path> existingFile(ConfigNode node) {
    return node.asNonEmptyString()
        .flatMap(
            text -> {
              Path file;
              try {
                file = baseDirectory.resolve(text).normalize();
              } catch (InvalidPathException e) {
                node.problem("invalid path \"" + text + "\"");
                return Optional.empty();
              }
              if (!Files.isRegularFile(file)) {
                node.problem("file not found: " + file);
                return Optional.empty();
              }
              return Optional.of(file);
            });
  }
}
