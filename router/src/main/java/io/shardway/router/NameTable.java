package io.shardway.router;

import io.shardway.router.lex.Token;
import io.shardway.router.lex.TokenType;
import java.util.Map;

/**
 * Looks a word up among fixed ASCII names, ignoring case, without allocating.
 *
 * <p>The classifier checks every identifier of every statement against its keyword and function
 * lists; upper-casing each token into a new String for a {@code HashMap} would cost more than the
 * lexing. This table hashes the token's characters in place and probes linearly.
 */
final class NameTable<V> {

  private final String[] names;
  private final Object[] values;
  private final int mask;

  /** {@code entries} keys must be upper-case ASCII. */
  NameTable(Map<String, V> entries) {
    int capacity = Integer.highestOneBit(Math.max(4, entries.size() * 4) - 1) << 1;
    names = new String[capacity];
    values = new Object[capacity];
    mask = capacity - 1;
    entries.forEach(this::put);
  }

  /** The value stored for the token's text, or null; only unquoted identifiers can match. */
  @SuppressWarnings("unchecked")
  V get(Token token) {
    if (token.type() != TokenType.IDENTIFIER) {
      return null;
    }
    String source = token.source();
    int start = token.start();
    int length = token.length();
    for (int i = hash(source, start, token.end()) & mask; names[i] != null; i = (i + 1) & mask) {
      if (names[i].length() == length && source.regionMatches(true, start, names[i], 0, length)) {
        return (V) values[i];
      }
    }
    return null;
  }

  private void put(String name, V value) {
    if (!name.chars().allMatch(c -> c < 0x80 && !Character.isLowerCase(c))) {
      throw new IllegalArgumentException("name: " + name + " (expected: upper-case ASCII)");
    }
    int i = hash(name, 0, name.length()) & mask;
    while (names[i] != null) {
      i = (i + 1) & mask;
    }
    names[i] = name;
    values[i] = value;
  }

  /** A hash of the ASCII-upper-cased characters, so that "now" and "NOW" land together. */
  private static int hash(String s, int start, int end) {
    int h = 0;
    for (int i = start; i < end; i++) {
      char c = s.charAt(i);
      h = 31 * h + (c >= 'a' && c <= 'z' ? c - 32 : c);
    }
    return h ^ (h >>> 16);
  }
}
