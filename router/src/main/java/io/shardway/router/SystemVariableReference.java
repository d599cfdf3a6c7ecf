package io.shardway.router;

import io.shardway.router.lex.Token;
import java.util.Set;

/**
 * A {@code @@[scope.]name} token taken apart.
 *
 * @param scope {@code global}, {@code session}, {@code local}, {@code persist} or {@code
 *     persist_only}; null when the reference has no scope prefix
 * @param name lower-case, unquoted, e.g. {@code sql_mode}
 */
record SystemVariableReference(String scope, String name) {

  private static final Set<String> SCOPES =
      Set.of("global", "session", "local", "persist", "persist_only");

  /** Parses a {@link io.shardway.router.lex.TokenType#SYSTEM_VARIABLE} token. */
  static SystemVariableReference parse(Token token) {
    String text = token.source().substring(token.start() + 2, token.end());
    int dot = text.indexOf('.');
    if (dot > 0) {
      String scope = Identifiers.normalized(text.substring(0, dot));
      if (SCOPES.contains(scope)) {
        return new SystemVariableReference(scope, Identifiers.normalized(text.substring(dot + 1)));
      }
    }
    return new SystemVariableReference(null, Identifiers.normalized(text));
  }

  /** Whether this names the global (or persisted) value rather than the session's. */
  boolean isGlobal() {
    return "global".equals(scope) || "persist".equals(scope) || "persist_only".equals(scope);
  }
}
