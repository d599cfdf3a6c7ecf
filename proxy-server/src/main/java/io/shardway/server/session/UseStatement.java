package io.shardway.server.session;

/** Reads the schema name out of {@code USE name}, quoted or not. */
final class UseStatement {
  private UseStatement() {}

  /** The schema, or null when the text is not a plain USE statement. */
  static String schemaOf(String sql) {
    String text = sql.strip();
    if (text.endsWith(";")) {
      text = text.substring(0, text.length() - 1).strip();
    }
    if (text.length() < 4 || !text.regionMatches(true, 0, "USE", 0, 3)) {
      return null;
    }
    String name = text.substring(3).strip();
    if (name.length() >= 2 && name.charAt(0) == '`' && name.charAt(name.length() - 1) == '`') {
      return name.substring(1, name.length() - 1).replace("``", "`");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!(Character.isLetterOrDigit(c) || c == '_' || c == '$')) {
        return null;
      }
    }
    return name.isEmpty() ? null : name;
  }
}
