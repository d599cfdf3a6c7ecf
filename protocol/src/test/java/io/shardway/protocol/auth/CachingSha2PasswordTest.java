package io.shardway.protocol.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * caching_sha2_password's fast-path proof against vectors computed with Python's hashlib from the
 * documented formula {@code SHA256(password) XOR SHA256(SHA256(SHA256(password)) + scramble)}; the
 * first is also what libmariadb's caching_sha2_password plugin sent (GoldenHandshakeTest).
 */
class CachingSha2PasswordTest {

  @ParameterizedTest
  @CsvSource({
    "secret, 303132333435363738396162636465666768696a,"
        + " 7e4adda2f2d5ef09b4147518becb0cee2939376203650a8c2bb2815959364bd0",
    "p\u00e4ssw\u00f6rd\uD83D\uDD11, 2122232425262728292a2b2c2d2e2f3031323334,"
        + " f2f5738f2d59d9d6c5420b6c35053233f0d4c38c3e80ccfc2d69f46a19f1c2a2",
  })
  void matchesIndependentlyComputedVectors(String password, String seedHex, String expected) {
    byte[] scramble = HexFormat.of().parseHex(seedHex);
    byte[] proof = CachingSha2Password.scramble(password, scramble);
    assertEquals(expected, HexFormat.of().formatHex(proof));
    assertTrue(CachingSha2Password.verify(password, scramble, proof));
    assertFalse(CachingSha2Password.verify("wrong", scramble, proof));
  }

  /** The server keeps SHA256(SHA256(password)) in its cache and checks the proof against it. */
  @Test
  void serverCanCheckTheProofFromTheCachedHashAlone() throws Exception {
    byte[] scramble = Scramble.generate();
    byte[] proof = CachingSha2Password.scramble("secret", scramble);
    MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
    byte[] cached = sha256.digest(sha256.digest("secret".getBytes(StandardCharsets.UTF_8)));
    sha256.update(cached);
    byte[] mask = sha256.digest(scramble);
    byte[] candidate = new byte[32];
    for (int i = 0; i < 32; i++) {
      candidate[i] = (byte) (proof[i] ^ mask[i]);
    }
    assertArrayEquals(cached, sha256.digest(candidate));
  }

  @Test
  void emptyPasswordSendsNothing() {
    assertEquals(0, CachingSha2Password.scramble("", Scramble.generate()).length);
  }
}
