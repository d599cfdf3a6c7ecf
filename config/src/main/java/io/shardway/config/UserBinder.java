package io.shardway.config;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Binds the accounts: the client-facing {@code users} and the proxy's {@code backendUser}. */
final class UserBinder {

  private static final Set<String> USER_KEYS = Set.of("name", "password", "schemas");
  private static final Set<String> BACKEND_USER_KEYS = Set.of("name", "password");

  private final DeclaredNames schemas;

  /**
   * @param schemas the logical schemas the config declares, which users may name
   */
  UserBinder(DeclaredNames schemas) {
    this.schemas = schemas.including(User.ALL_SCHEMAS);
  }

  Optional<List<User>> users(ConfigNode section) {
    Set<String> names = new HashSet<>();
    Optional<List<User>> users = section.asListOf(node -> user(node, names));
    if (users.isPresent() && users.get().isEmpty()) {
      section.problem("at least one user is required");
      return Optional.empty();
    }
    return users;
  }

  static Optional<BackendUser> backendUser(ConfigNode node) {
    return node.asMapping(BACKEND_USER_KEYS)
        .flatMap(
            map -> {
              Optional<String> name = map.required("name", ConfigNode::asNonEmptyString);
              Optional<String> password = map.required("password", ConfigNode::asString);
              if (name.isEmpty() || password.isEmpty()) {
                return Optional.empty();
              }
              return Optional.of(new BackendUser(name.get(), password.get()));
            });
  }

  private Optional<User> user(ConfigNode node, Set<String> names) {
    return node.asMapping(USER_KEYS)
        .flatMap(
            map -> {
              Optional<String> name = map.required("name", n -> uniqueName(n, names));
              Optional<String> password = map.required("password", ConfigNode::asString);
              Optional<List<String>> granted = map.required("schemas", schemas::references);
              if (name.isEmpty() || password.isEmpty() || granted.isEmpty()) {
                return Optional.empty();
              }
              return Optional.of(new User(name.get(), password.get(), granted.get()));
            });
  }

  private static Optional<String> uniqueName(ConfigNode node, Set<String> names) {
    return node.asNonEmptyString()
        .filter(
            name -> {
              boolean first = names.add(name);
              if (!first) {
                node.problem("duplicate user \"" + name + "\"");
              }
              return first;
            });
  }
}
