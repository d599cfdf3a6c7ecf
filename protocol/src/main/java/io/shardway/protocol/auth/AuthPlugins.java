package io.shardway.protocol.auth;

/** The authentication plugin names Shardway speaks. */
public final class AuthPlugins {
  public static final String MYSQL_NATIVE_PASSWORD = "mysql_native_password";
  public static final String CACHING_SHA2_PASSWORD = "caching_sha2_password";

  private AuthPlugins() {}

  public static boolean isSupported(String name) {
    return MYSQL_NATIVE_PASSWORD.equals(name) || CACHING_SHA2_PASSWORD.equals(name);
  }
}
