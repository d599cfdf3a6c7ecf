package io.shardway.protocol.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;

/**
 * The server half of caching_sha2_password's full authentication over plain TCP: it hands out an
 * RSA public key, and the client sends {@code RSA(password + NUL XOR scramble)}. Clients for MySQL
 * 8.0.5 and later pad with OAEP, older ones with PKCS#1 v1.5; both are accepted.
 */
public final class RsaPasswordCipher {
  private static final String[] TRANSFORMATIONS = {
    "RSA/ECB/OAEPWithSHA-1AndMGF1Padding", "RSA/ECB/PKCS1Padding"
  };

  private final KeyPair keyPair;
  private final byte[] publicKeyPem;

  public RsaPasswordCipher(KeyPair keyPair) {
    this.keyPair = keyPair;
    String base64 =
        Base64.getMimeEncoder(64, new byte[] {'\n'})
            .encodeToString(keyPair.getPublic().getEncoded());
    this.publicKeyPem =
        ("-----BEGIN PUBLIC KEY-----\n" + base64 + "\n-----END PUBLIC KEY-----\n")
            .getBytes(StandardCharsets.US_ASCII);
  }

  /** A cipher with a fresh 2048-bit key, for servers that are not given one. */
  public static RsaPasswordCipher generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return new RsaPasswordCipher(generator.generateKeyPair());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has RSA", e);
    }
  }

  public byte[] publicKeyPem() {
    return publicKeyPem.clone();
  }

  /**
   * Recovers the password from the client's encrypted answer, or returns null when it cannot be
   * decrypted with either padding.
   */
  public String decryptPassword(byte[] encrypted, byte[] seed) {
    for (String transformation : TRANSFORMATIONS) {
      try {
        Cipher cipher = Cipher.getInstance(transformation);
        cipher.init(Cipher.DECRYPT_MODE, keyPair.getPrivate());
        byte[] plain = NativePassword.xor(cipher.doFinal(encrypted), seed);
        return CleartextPassword.decode(plain);
      } catch (GeneralSecurityException e) {
        // Wrong padding: try the next one.
      }
    }
    return null;
  }

  /** The client side, used by tests and tools: encrypts {@code password} for {@code seed}. */
  public static byte[] encrypt(byte[] publicKeyPem, String password, byte[] seed)
      throws GeneralSecurityException {
    String pem = new String(publicKeyPem, StandardCharsets.US_ASCII);
    String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    var spec = new java.security.spec.X509EncodedKeySpec(Base64.getDecoder().decode(base64));
    var key = java.security.KeyFactory.getInstance("RSA").generatePublic(spec);
    Cipher cipher = Cipher.getInstance(TRANSFORMATIONS[0]);
    cipher.init(Cipher.ENCRYPT_MODE, key);
    byte[] bytes = password.getBytes(StandardCharsets.UTF_8);
    byte[] plain = Arrays.copyOf(bytes, bytes.length + 1);
    return cipher.doFinal(NativePassword.xor(plain, seed));
  }
}
