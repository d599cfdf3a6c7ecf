package io.shardway.protocol.auth;

import java.security.SecureRandom;

/** The 20-byte nonce a server sends in its handshake for the client to prove its password. */
public final class Scramble {
  public static final int LENGTH = 20;
  private static final SecureRandom RANDOM = new SecureRandom();

  private Scramble() {}

  /**
   * A fresh scramble of printable ASCII bytes. MySQL avoids NUL (the handshake sends the scramble
   * as a NUL-terminated string) and some clients mishandle bytes above 0x7F, so do we.
   */
  public static byte[] generate() {
    byte[] bytes = new byte[LENGTH];
    for (int i = 0; i < LENGTH; i++) {
      bytes[i] = (byte) (0x21 + RANDOM.nextInt(0x7E - 0x21));
    }
    return bytes;
  }
}
