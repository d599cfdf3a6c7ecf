package io.shardway.router;

import io.shardway.router.lex.Token;
import java.util.Map;

/**
 * Tells the {@code SHOW} statements that show schema objects, which a replica has as well as its
 * primary, from those that show the server's or the session's own state: the {@code SHOW} part of
 * {@link StatementFlag#SHOWS_SCHEMA}. A {@code SHOW} it does not know is taken to show state.
 */
final class SchemaShows {

  /** What {@code SHOW [EXTENDED] [FULL]} may be followed by alone. */
  private static final NameTable<Boolean> ALONE =
      new NameTable<>(
          Map.ofEntries(
              Map.entry("TABLES", true),
              Map.entry("COLUMNS", true),
              Map.entry("FIELDS", true),
              Map.entry("INDEX", true),
              Map.entry("INDEXES", true),
              Map.entry("KEYS", true),
              Map.entry("DATABASES", true),
              Map.entry("SCHEMAS", true),
              Map.entry("CHARSET", true),
              Map.entry("COLLATION", true),
              Map.entry("TRIGGERS", true)));

  /** What {@code SHOW CREATE} may be followed by. */
  private static final NameTable<Boolean> CREATED =
      new NameTable<>(
          Map.of(
              "TABLE", true,
              "VIEW", true,
              "PROCEDURE", true,
              "FUNCTION", true,
              "TRIGGER", true));

  private SchemaShows() {}

  /** Whether {@code st}, a {@code SHOW} statement, shows schema objects. */
  static boolean showsSchema(StatementTokens st) {
    int i = 1;
    if (st.is(i, "EXTENDED")) {
      i++;
    }
    if (st.is(i, "FULL")) {
      i++;
    }
    Token what = st.get(i);
    if (ALONE.get(what) != null) {
      return true;
    }
    if (what.is("CREATE")) {
      return CREATED.get(st.get(i + 1)) != null;
    }
    if (what.is("CHARACTER")) {
      return st.is(i + 1, "SET");
    }
    // Not PROCEDURE CODE, FUNCTION CODE (debug builds) or the old TABLE TYPES.
    return (what.is("TABLE") || what.is("PROCEDURE") || what.is("FUNCTION"))
        && st.is(i + 1, "STATUS");
  }
}
