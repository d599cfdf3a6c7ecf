package io.shardway.router;

import java.time.Duration;
import java.util.Objects;

/**
 * What the {@code shardway:} comments of a statement text ask of the proxy.
 *
 * <p>Hints are read only from comments, anywhere in the text, never from strings or quoted names:
 * <code>/* shardway:replica *&#47;</code>, {@code -- shardway:primary}, {@code # shardway:nocache},
 * <code>/* shardway:cache ttl=30s *&#47;</code>. A hint comment starts with {@code shardway:} and
 * holds words separated by whitespace: {@code shardway:primary}, {@code shardway:replica}, {@code
 * shardway:nocache}, and {@code shardway:cache} followed by {@code ttl=} and a positive whole
 * number of {@code ms}, {@code s}, {@code m} or {@code h}; all ignoring case. MySQL's executable
 * comments (<code>/*! … *&#47;</code>) and optimizer hints (<code>/*+ … *&#47;</code>) hold none.
 *
 * <p>A comment never makes a statement fail: an unknown word or an invalid ttl is ignored. When
 * hints disagree, the one that risks less stale data wins, whatever their order: {@link
 * RouteHint#PRIMARY} over {@link RouteHint#REPLICA}, {@code nocache} over any ttl, the shorter ttl
 * over the longer.
 *
 * @param route where the text asks to run
 * @param noCache whether a comment said {@code shardway:nocache}: keep the result out of the cache
 * @param cacheTtl the time to live of a {@code shardway:cache ttl=…} comment, positive; null when
 *     absent or when {@code noCache}
 */
public record Hints(RouteHint route, boolean noCache, Duration cacheTtl) {

  /** No hints: what a text without {@code shardway:} comments gets. */
  public static final Hints NONE = new Hints(RouteHint.NONE, false, null);

  public Hints {
    Objects.requireNonNull(route, "route");
    if (cacheTtl != null && (noCache || cacheTtl.isNegative() || cacheTtl.isZero())) {
      throw new IllegalArgumentException(
          "cacheTtl: " + cacheTtl + " (expected: positive, and null when noCache)");
    }
  }
}
