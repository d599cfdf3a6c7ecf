package io.shardway.router.digest;

import io.shardway.router.shard.ShardKey;
import java.util.AbstractList;
import java.util.List;
import java.util.Objects;

/**
 * A statement text with its literals taken out: the text of its shape, the same for every execution
 * that differs only in literal values, and those values in order.
 *
 * <p>The {@link #text()} is the statement with each literal that is a value replaced by {@code ?}
 * (strings with their {@code N} or character set introducer, numbers with a unary sign, hex and bit
 * literals), comments removed except {@code shardway:} hints, and whitespace runs made one space.
 * Keywords and names keep their case: which words are names needs a parser, and MySQL compares
 * table names case-sensitively on most file systems. What is part of the shape stays as written:
 * {@code NULL}, {@code TRUE}, {@code FALSE} and {@code DEFAULT}; double-quoted strings, which may
 * be names; the positional items of {@code ORDER BY} and {@code GROUP BY} and the numbers of {@code
 * LIMIT}; literals that a value may not replace ({@code INTERVAL 1 DAY}, {@code DATE '2024-01-01'},
 * {@code CHAR(10)}); numbers that no shard key can stand for ({@code 1e99999999999}). So a plan
 * made for the text, with its {@code ?} bound to {@link #values}, routes as a plan made for the
 * statement itself.
 *
 * <p>Immutable; made by one pass of {@link io.shardway.router.lex.SqlLexer}.
 */
public final class StatementDigest {

  private final String text;
  private final List<Slot> slots;
  private final int placeholderCount;

  StatementDigest(String text, List<Slot> slots, int placeholderCount) {
    this.text = text;
    this.slots = List.copyOf(slots);
    this.placeholderCount = placeholderCount;
  }

  /** The digest of {@code sql}, one statement or several; never fails, whatever the text. */
  public static StatementDigest of(String sql) {
    return new Digester(Objects.requireNonNull(sql, "sql")).digest();
  }

  /** The text of the statement's shape, also a key for what depends only on the shape. */
  public String text() {
    return text;
  }

  /** One per {@code ?} of {@link #text()}, in text order. */
  public List<Slot> slots() {
    return slots;
  }

  /** The number of {@code ?} placeholders of the statement itself. */
  public int placeholderCount() {
    return placeholderCount;
  }

  /** Whether the text has a literal that the digest replaced. */
  public boolean hasLiterals() {
    return slots.size() > placeholderCount;
  }

  /**
   * The values of the {@code ?} of {@link #text()} for one execution: each literal's key, with the
   * statement's own parameter values in their places. A view; a literal's key is made when read.
   *
   * @param params one per {@link #placeholderCount()}, null for SQL NULL; empty for a text
   *     statement
   * @throws IllegalArgumentException if there are not {@link #placeholderCount()} values
   */
  public List<ShardKey> values(List<ShardKey> params) {
    if (params.size() != placeholderCount) {
      throw new IllegalArgumentException(
          "params: " + params.size() + " values (expected: " + placeholderCount + ")");
    }
    return new Values(slots, params);
  }

  /** The values of the slots for one execution. */
  private static final class Values extends AbstractList<ShardKey> {

    private final List<Slot> slots;
    private final List<ShardKey> params;

    Values(List<Slot> slots, List<ShardKey> params) {
      this.slots = slots;
      this.params = params;
    }

    @Override
    public ShardKey get(int index) {
      return slots.get(index).value(params);
    }

    @Override
    public int size() {
      return slots.size();
    }
  }
}
