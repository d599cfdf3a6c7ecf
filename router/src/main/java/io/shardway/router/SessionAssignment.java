package io.shardway.router;

import java.util.Objects;

/**
 * One change a {@code SET} statement makes to session state, as the proxy needs it to replay the
 * change on another pooled backend connection (or to know that it cannot).
 */
public sealed interface SessionAssignment {

  /**
   * {@code SET [SESSION|LOCAL] name = value}, {@code SET @@[session.|local.]name = value}.
   *
   * @param name lower-case, without scope prefix or backticks, e.g. {@code sql_mode}
   * @param value the literal exactly as written in the source, quotes included ({@code
   *     'STRICT_ALL_TABLES'}, {@code 0}, {@code -1}, {@code ON}, {@code _utf8mb4'x'}), or null for
   *     {@code DEFAULT}
   */
  record SystemVariable(String name, String value) implements SessionAssignment {
    public SystemVariable {
      Objects.requireNonNull(name, "name");
    }
  }

  /**
   * {@code SET NAMES charset [COLLATE collation]}. Names are lower-case and unquoted. ({@code SET
   * NAMES DEFAULT} and {@code SET CHARACTER SET x}, whose outcome depends on the server's or the
   * schema's character set, are {@link ComputedVariable}s of the four variables they set.)
   *
   * @param charset the character set
   * @param collation the collation, or null when absent or {@code DEFAULT}
   */
  record Names(String charset, String collation) implements SessionAssignment {}

  /**
   * {@code SET SESSION TRANSACTION …}: the characteristics of all later transactions of the
   * session.
   *
   * @param clause the text after {@code TRANSACTION}, upper-case, single-spaced, e.g. {@code
   *     ISOLATION LEVEL READ COMMITTED, READ ONLY}
   */
  record TransactionCharacteristics(String clause) implements SessionAssignment {
    public TransactionCharacteristics {
      Objects.requireNonNull(clause, "clause");
    }
  }

  /**
   * {@code SET name = expression}: the value is known only once the server has computed it (drivers
   * send {@code SET sql_mode = CONCAT(@@sql_mode, ',STRICT_TRANS_TABLES')} at connect, say). The
   * proxy reads the result back and replays it as a literal.
   *
   * @param name lower-case, without scope prefix or backticks
   */
  record ComputedVariable(String name) implements SessionAssignment {
    public ComputedVariable {
      Objects.requireNonNull(name, "name");
    }
  }

  /**
   * A change the proxy cannot replay exactly, so the session must stay on its backend connection:
   * {@code SET PASSWORD}, {@code SET ROLE}, MariaDB's {@code SET STATEMENT … FOR}, a variable that
   * affects only the next statement, or a {@code SET} the classifier could not parse.
   *
   * @param reason a short sentence naming the variable or construct, for logs and metrics
   */
  record Unreplayable(String reason) implements SessionAssignment {
    public Unreplayable {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
