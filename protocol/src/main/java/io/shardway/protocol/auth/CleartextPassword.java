package io.shardway.protocol.auth;

import java.nio.charset.StandardCharsets;

/** A password sent as itself (over TLS, or after RSA decryption): UTF-8 bytes ending in NUL. */
public final class CleartextPassword {
  private CleartextPassword() {}

  public static String decode(byte[] bytes) {
    int end = bytes.length;
    while (end > 0 && bytes[end - 1] == 0) {
      end--;
    }
    return new String(bytes, 0, end, StandardCharsets.UTF_8);
  }
}
