package io.shardway.testcluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * One server's files, all under one root so that servers never share a socket, pid file or data
 * directory, and deleting the root removes every trace of the server.
 */
record ServerDirectory(Path root) {
  /** sun_path in sockaddr_un holds 108 bytes including the terminating NUL. */
  private static final int MAX_SOCKET_PATH_BYTES = 107;

  ServerDirectory {
    root = root.toAbsolutePath().normalize();
  }

  /** Creates a fresh, empty directory below {@code parent}. */
  static ServerDirectory createUnder(Path parent) {
    try {
      Files.createDirectories(parent);
      return new ServerDirectory(Files.createTempDirectory(parent, "server-"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a server directory under " + parent, e);
    }
  }

  /** Creates the subdirectories and checks the socket path fits; existing data is kept. */
  void prepare() {
    int socketPathBytes = socket().toString().getBytes(StandardCharsets.UTF_8).length;
    if (socketPathBytes > MAX_SOCKET_PATH_BYTES) {
      throw new IllegalArgumentException(
          "unix socket path: "
              + socketPathBytes
              + " bytes (expected: <= "
              + MAX_SOCKET_PATH_BYTES
              + "), choose a shorter base directory than "
              + root);
    }
    try {
      Files.createDirectories(data());
      Files.createDirectories(tmp());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create directories under " + root, e);
    }
  }

  /** Whether mariadb-install-db already ran here (a stopped server being started again). */
  boolean isInstalled() {
    try (Stream<Path> entries = Files.list(data())) {
      return entries.findAny().isPresent();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + data(), e);
    }
  }

  Path data() {
    return root.resolve("data");
  }

  Path tmp() {
    return root.resolve("tmp");
  }

  Path socket() {
    return root.resolve("mariadbd.sock");
  }

  Path pidFile() {
    return root.resolve("mariadbd.pid");
  }

  Path serverLog() {
    return root.resolve("mariadbd.log");
  }

  Path installLog() {
    return root.resolve("install.log");
  }
}
