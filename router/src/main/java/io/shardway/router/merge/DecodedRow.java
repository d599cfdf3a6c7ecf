package io.shardway.router.merge;

import java.util.List;

/**
 * What the two row formats share: the packet payload, kept for relaying, and the values decoded
 * from it, in the format's own form.
 *
 * @param <V> the form of one value: the text's bytes, or the object a binary row decodes
 */
abstract sealed class DecodedRow<V> implements MergeRow permits TextMergeRow, BinaryMergeRow {
  private final byte[] payload;
  final List<V> values;

  DecodedRow(byte[] payload, List<V> values) {
    this.payload = payload;
    this.values = values;
  }

  @Override
  public final byte[] payload() {
    return payload;
  }

  @Override
  public final int size() {
    return values.size();
  }

  @Override
  public final boolean isNull(int column) {
    return values.get(column) == null;
  }

  @Override
  public final Object value(int column) {
    return values.get(column);
  }
}
