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
 * mysql_native_password against vectors computed elsewhere: with Python's hashlib from the
 * documented formula {@code SHA1(password) XOR SHA1(scramble + SHA1(SHA1(password)))}, and (in
 * GoldenHandshakeTest) as libmariadb and Connector/J answered a real MariaDB server.
 */
class NativePasswordTest {

  @ParameterizedTest
  @CsvSource({
    "secret, 303132333435363738396162636465666768696a, f5cac3f3b3df2133feb57db682c71e6ed433a988",
    "p\u00e4ssw\u00f6rd\uD83D\uDD11, 2122232425262728292a2b2c2d2e2f3031323334, 5b11da9d6e94823e8cee7ed04406d756dc11fc96",
  })
  void matchesIndependentlyComputedVectors(String password, String seedHex, String expected) {
    byte[] scramble = HexFormat.of().parseHex(seedHex);
    byte[] proof = NativePassword.scramble(password, scramble);
    assertEquals(expected, HexFormat.of().formatHex(proof));
    assertTrue(NativePassword.verify(password, scramble, proof));
    assertFalse(NativePassword.verify(password + " ", scramble, proof));
  }

  /**
   * The server's side of the check, which never sees the password: it stores SHA1(SHA1(password)),
   * recovers SHA1(password) from the proof and hashes it again.
   */
  @Test
  void serverCanCheckTheProofFromTheStoredHashAlone() throws Exception {
    byte[] scramble = Scramble.generate();
    byte[] proof = NativePassword.scramble("secret", scramble);
    MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
    byte[] stored = sha1.digest(sha1.digest("secret".getBytes(StandardCharsets.UTF_8)));
    sha1.update(scramble);
    byte[] mask = sha1.digest(stored);
    byte[] candidate = new byte[20];
    for (int i = 0; i < 20; i++) {
      candidate[i] = (byte) (proof[i] ^ mask[i]);
    }
    assertArrayEquals(stored, sha1.digest(candidate));
  }

  @Test
  void emptyPasswordSendsNothing() {
    assertEquals(0, NativePassword.scramble("", Scramble.generate()).length);
  }

  @Test
  void generatedScramblesArePrintableWithoutNul() {
    for (int i = 0; i < 100; i++) {
      byte[] scramble = Scramble.generate();
      assertEquals(Scramble.LENGTH, scramble.length);
      for (byte b : scramble) {
        assertTrue(b >= 0x21 && b <= 0x7E, () -> "byte 0x" + Integer.toHexString(b));
      }
    }
  }
}
