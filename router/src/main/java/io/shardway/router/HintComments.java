package io.shardway.router;

import io.shardway.router.lex.Token;
import java.time.Duration;

/**
 * Reads the {@link Hints} in one comment token, in the syntax {@link Hints} describes, without
 * allocating unless the comment holds a hint.
 *
 * <p>A comment whose first word, after its opener ({@code /*}, {@code --} or {@code #}) and any
 * whitespace, is not {@code shardway:…} is rejected there, so tracing tags and ORM markers cost a
 * single comparison. MySQL optimizer hints (<code>/*+ … *&#47;</code>) start with {@code +} and so
 * never match; executable comments (<code>/*! … *&#47;</code>) are SQL, not comment tokens.
 */
public final class HintComments {

  private static final String PREFIX = "shardway:";
  private static final String TTL = "ttl=";

  /** Enough for any sensible ttl, and few enough that 999,999,999 hours still fits a Duration. */
  private static final int MAX_TTL_DIGITS = 9;

  private HintComments() {}

  /**
   * {@code found}, the hints of the comments before, combined with those of {@code comment} as
   * {@link Hints} describes; {@code found} itself when the comment adds nothing.
   */
  public static Hints read(Token comment, Hints found) {
    String text = comment.source();
    boolean block = text.startsWith("/*", comment.start());
    int end = block ? comment.end() - 2 : comment.end();
    int word =
        skipSpace(text, comment.start() + (text.charAt(comment.start()) == '#' ? 1 : 2), end);
    if (!startsWith(text, word, end, PREFIX)) {
      return found;
    }
    RouteHint route = found.route();
    boolean noCache = found.noCache();
    Duration ttl = found.cacheTtl();
    boolean cache = false; // the last directive was shardway:cache, which a ttl= word belongs to
    while (word < end) {
      int wordEnd = word;
      while (wordEnd < end && !isSpace(text.charAt(wordEnd))) {
        wordEnd++;
      }
      if (startsWith(text, word, wordEnd, PREFIX)) {
        int name = word + PREFIX.length();
        cache = is(text, name, wordEnd, "cache");
        if (is(text, name, wordEnd, "primary")) {
          route = RouteHint.PRIMARY;
        } else if (is(text, name, wordEnd, "replica") && route == RouteHint.NONE) {
          route = RouteHint.REPLICA;
        } else if (is(text, name, wordEnd, "nocache")) {
          noCache = true;
        }
      } else if (cache && startsWith(text, word, wordEnd, TTL)) {
        Duration parsed = duration(text, word + TTL.length(), wordEnd);
        if (parsed != null && (ttl == null || parsed.compareTo(ttl) < 0)) {
          ttl = parsed;
        }
      }
      word = skipSpace(text, wordEnd, end);
    }
    Hints hints = new Hints(route, noCache, noCache ? null : ttl);
    return hints.equals(found) ? found : hints;
  }

  /** {@code text[from, to)} as a positive {@code <digits>ms|s|m|h}, or null when it is not one. */
  private static Duration duration(String text, int from, int to) {
    int i = from;
    long amount = 0;
    while (i < to && i - from < MAX_TTL_DIGITS && isDigit(text.charAt(i))) {
      amount = amount * 10 + text.charAt(i) - '0';
      i++;
    }
    if (i == from || amount == 0) {
      return null;
    }
    if (is(text, i, to, "ms")) {
      return Duration.ofMillis(amount);
    }
    if (is(text, i, to, "s")) {
      return Duration.ofSeconds(amount);
    }
    if (is(text, i, to, "m")) {
      return Duration.ofMinutes(amount);
    }
    return is(text, i, to, "h") ? Duration.ofHours(amount) : null;
  }

  private static int skipSpace(String text, int from, int to) {
    int i = from;
    while (i < to && isSpace(text.charAt(i))) {
      i++;
    }
    return i;
  }

  /** As the lexer separates tokens: at spaces and control characters. */
  private static boolean isSpace(char c) {
    return c <= ' ';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean startsWith(String text, int from, int to, String prefix) {
    return to - from >= prefix.length()
        && text.regionMatches(true, from, prefix, 0, prefix.length());
  }

  private static boolean is(String text, int from, int to, String word) {
    return to - from == word.length() && text.regionMatches(true, from, word, 0, word.length());
  }
}
