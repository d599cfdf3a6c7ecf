package io.shardway.protocol.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * caching_sha2_password's full authentication without TLS: the client encrypts {@code (password +
 * NUL) XOR scramble} with the server's public key, with OAEP (MySQL 8.0.5 and later clients) or
 * PKCS#1 v1.5 padding (older ones).
 */
class RsaPasswordCipherTest {
  private static final RsaPasswordCipher CIPHER = RsaPasswordCipher.generate();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "secret",
        "",
        "a password longer than the twenty-byte scramble",
        "p\u00e4ss\uD83D\uDD11"
      })
  void oaepRoundTrip(String password) throws Exception {
    byte[] scramble = Scramble.generate();
    byte[] encrypted = RsaPasswordCipher.encrypt(CIPHER.publicKeyPem(), password, scramble);
    assertEquals(256, encrypted.length);
    assertEquals(password, CIPHER.decryptPassword(encrypted, scramble));
  }

  @ParameterizedTest
  @ValueSource(strings = {"secret", "a password longer than the twenty-byte scramble"})
  void pkcs1RoundTrip(String password) throws Exception {
    byte[] scramble = Scramble.generate();
    // What a pre-8.0.5 client does, step by step with javax.crypto.
    byte[] bytes = password.getBytes(StandardCharsets.UTF_8);
    byte[] plain = Arrays.copyOf(bytes, bytes.length + 1);
    for (int i = 0; i < plain.length; i++) {
      plain[i] ^= scramble[i % scramble.length];
    }
    Cipher cipher = Cipher.getInstance("RSA/ECB/PKCS1Padding");
    cipher.init(Cipher.ENCRYPT_MODE, publicKey(CIPHER.publicKeyPem()));
    assertEquals(password, CIPHER.decryptPassword(cipher.doFinal(plain), scramble));
  }

  @Test
  void anotherKeysCiphertextDoesNotDecrypt() throws Exception {
    byte[] scramble = Scramble.generate();
    byte[] encrypted =
        RsaPasswordCipher.encrypt(RsaPasswordCipher.generate().publicKeyPem(), "secret", scramble);
    assertNull(CIPHER.decryptPassword(encrypted, scramble));
  }

  @Test
  void publicKeyIsPem() {
    String pem = new String(CIPHER.publicKeyPem(), StandardCharsets.US_ASCII);
    assertTrue(pem.startsWith("-----BEGIN PUBLIC KEY-----\n"), pem);
    assertTrue(pem.endsWith("\n-----END PUBLIC KEY-----\n"), pem);
    for (String line : pem.split("\n")) {
      assertTrue(line.length() <= 64, line);
    }
  }

  private static PublicKey publicKey(byte[] pem) throws Exception {
    String base64 =
        new String(pem, StandardCharsets.US_ASCII)
            .replaceAll("-----[A-Z ]+-----", "")
            .replaceAll("\\s", "");
    return KeyFactory.getInstance("RSA")
        .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
  }
}
