package io.shardway.testcluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/** Deletes directory trees (server directories, half-unpacked binaries). */
final class Directories {
  private Directories() {}

  /** Deletes {@code tree} and everything below it; a missing tree is already deleted. */
  static void delete(Path tree) {
    if (tree == null || !Files.exists(tree)) {
      return;
    }
    try {
      Files.walkFileTree(
          tree,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                throws IOException {
              Files.deleteIfExists(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
              // A file that vanished meanwhile (a server removing its pid file) is fine.
              if (e instanceof NoSuchFileException) {
                return FileVisitResult.CONTINUE;
              }
              throw e;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
              if (e != null) {
                throw e;
              }
              Files.deleteIfExists(dir);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + tree, e);
    }
  }

  /** Like {@link #delete} where a failure must not hide the error being reported. */
  static void deleteQuietly(Path tree) {
    try {
      delete(tree);
    } catch (UncheckedIOException ignored) {
      // The caller is already failing with a better reason.
    }
  }
}
