package io.shardway.config;

import java.util.List;
import java.util.Objects;

/**
 * An account that MySQL clients log in to the proxy with (an entry of {@code users}).
 *
 * @param name the user name the client sends
 * @param password the clear-text password, needed to verify the scrambles of both auth plugins
 * @param schemas the logical schemas the user may use; {@value #ALL_SCHEMAS} stands for all of them
 */
public record User(String name, String password, List<String> schemas) {

  /** The entry of {@code schemas} that grants every schema. */
  public static final String ALL_SCHEMAS = "*";

  /** Checks the arguments and copies the list. */
  public User {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(password, "password");
    schemas = List.copyOf(schemas);
  }

  /** Returns whether this user may use the logical schema {@code schema}. */
  public boolean mayUse(String schema) {
    return schemas.contains(ALL_SCHEMAS) || schemas.contains(schema);
  }

  /** Leaves the password out, so that logging a config does not leak it. */
  @Override
  public String toString() {
    return "User[name=" + name + ", password=***, schemas=" + schemas + "]";
  }
}
