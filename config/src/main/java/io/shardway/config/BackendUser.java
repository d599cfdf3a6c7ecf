package io.shardway.config;

import java.util.Objects;

/**
 * The account the proxy logs in to every backend with (key {@code backendUser}). Clients never see
 * it: they authenticate against {@link User}s, and the proxy's pools hold connections as this user.
 *
 * @param name the backend user name
 * @param password the backend password
 */
public record BackendUser(String name, String password) {

  /** Checks the arguments. */
  public BackendUser {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(password, "password");
  }

  /** Leaves the password out, so that logging a config does not leak it. */
  @Override
  public String toString() {
    return "BackendUser[name=" + name + ", password=***]";
  }
}
