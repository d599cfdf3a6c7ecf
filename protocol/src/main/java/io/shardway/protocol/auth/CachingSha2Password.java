package io.shardway.protocol.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * caching_sha2_password's fast path: the client sends {@code SHA256(password) XOR
 * SHA256(SHA256(SHA256(password)) + scramble)}. The full path (the password itself, over TLS or
 * RSA-encrypted) is driven by the server's authenticator.
 */
public final class CachingSha2Password {
  private CachingSha2Password() {}

  public static byte[] scramble(String password, byte[] seed) {
    if (password.isEmpty()) {
      return new byte[0];
    }
    MessageDigest sha256 = sha256();
    byte[] stage1 = sha256.digest(password.getBytes(StandardCharsets.UTF_8));
    byte[] stage2 = sha256.digest(stage1);
    sha256.update(stage2);
    sha256.update(seed, 0, Scramble.LENGTH);
    return NativePassword.xor(stage1, sha256.digest());
  }

  public static boolean verify(String password, byte[] seed, byte[] clientProof) {
    return MessageDigest.isEqual(scramble(password, seed), clientProof);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
