package io.shardway.server.session;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** A MySQL collation: its id (as in the handshake), name, and character set. */
public record Collation(int id, String name, String charset) {

  /**
   * The Java charset to read statement text with. Only used to classify statements: the bytes a
   * client sends reach the backend unchanged.
   */
  public Charset javaCharset() {
    switch (charset) {
      case "latin1":
        // MySQL's latin1 is Windows-1252.
        return Charset.forName("windows-1252");
      case "binary":
      case "ascii":
        return StandardCharsets.ISO_8859_1;
      default:
        return StandardCharsets.UTF_8;
    }
  }
}
