package io.shardway.protocol.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * mysql_native_password: the client sends {@code SHA1(password) XOR SHA1(scramble +
 * SHA1(SHA1(password)))}; an empty password sends nothing.
 */
public final class NativePassword {
  private NativePassword() {}

  public static byte[] scramble(String password, byte[] seed) {
    if (password.isEmpty()) {
      return new byte[0];
    }
    MessageDigest sha1 = sha1();
    byte[] stage1 = sha1.digest(password.getBytes(StandardCharsets.UTF_8));
    byte[] stage2 = sha1.digest(stage1);
    sha1.update(seed, 0, Scramble.LENGTH);
    sha1.update(stage2);
    return xor(stage1, sha1.digest());
  }

  public static boolean verify(String password, byte[] seed, byte[] clientProof) {
    return MessageDigest.isEqual(scramble(password, seed), clientProof);
  }

  static byte[] xor(byte[] a, byte[] b) {
    byte[] out = new byte[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = (byte) (a[i] ^ b[i % b.length]);
    }
    return out;
  }

  private static MessageDigest sha1() {
    try {
      return MessageDigest.getInstance("SHA-1");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-1", e);
    }
  }
}
