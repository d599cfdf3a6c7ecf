package io.shardway.router.merge;

import java.util.Arrays;

/**
 * Orders the non-NULL values of a string column as its collation does, from the sort weights each
 * shard computed beside it: {@code WEIGHT_STRING(x)}, and the weight of one space in x's collation
 * when the collation pads with spaces (empty for a NO PAD one). A result's column definition
 * carries only the connection's character set, never the column's collation, so the shards, which
 * know it, send the weights that their own ORDER BY, GROUP BY and DISTINCT compare. {@link
 * ValueComparator#byWeights} puts NULL first.
 *
 * <p>Weights compare as unsigned bytes. {@code WEIGHT_STRING} does not drop trailing spaces
 * (MariaDB gives {@code 0x00410020} for {@code 'a '} in utf8mb4_general_ci and {@code 0x0041} for
 * {@code 'a'}), so PAD SPACE is done here: where one weight string goes on after the other ends,
 * its remaining units (a unit is as long as the space's weight) are compared with the space's
 * weight, and the first that differs decides; equal when all are spaces. So {@code 'a' = 'a '}, and
 * {@code 'a\t' < 'a'} since a tab weighs less than a space. Under NO PAD the shorter one sorts
 * first.
 *
 * <p>A collation whose space weighs more than 3 bytes compares several levels of weights one after
 * another (MariaDB's {@code uca1400_as_cs}, {@code latin2_czech_cs}, {@code thai_520_w2}), where
 * padding is not a matter of trailing units: merging by it fails with an {@link
 * UnsupportedMergeException} when the first two values meet. Without padding, the levels compare
 * bytewise as the weights come, as a server's sort by them does.
 */
final class WeightOrder implements ValueComparator.ValueOrder {

  /** The longest weight of a space among MariaDB's single-level collations (utf8mb4_bin's). */
  private static final int MAX_SPACE_WEIGHT = 3;

  private final String name;
  private final int weight;
  private final int spaceWeight;

  /**
   * @param name the column's name, for messages
   * @param weight the column of {@code WEIGHT_STRING} of the value
   * @param spaceWeight the column of the space's weight
   */
  WeightOrder(String name, int weight, int spaceWeight) {
    this.name = name;
    this.weight = weight;
    this.spaceWeight = spaceWeight;
  }

  @Override
  public int compare(MergeRow left, MergeRow right, int value) {
    return compareWeights(weights(left), weights(right), space(left));
  }

  /**
   * Compares two weight strings under PAD SPACE with {@code space} the weight of a space, or under
   * NO PAD when {@code space} is empty.
   */
  private static int compareWeights(byte[] left, byte[] right, byte[] space) {
    int common = Math.min(left.length, right.length);
    int order = Arrays.compareUnsigned(left, 0, common, right, 0, common);
    if (order != 0 || left.length == right.length) {
      return order;
    }
    boolean leftLonger = left.length > right.length;
    if (space.length == 0) {
      return leftLonger ? 1 : -1;
    }
    byte[] longer = leftLonger ? left : right;
    for (int i = common; i < longer.length; i++) {
      int unit = Integer.compare(longer[i] & 0xFF, space[(i - common) % space.length] & 0xFF);
      if (unit != 0) {
        return leftLonger ? unit : -unit;
      }
    }
    return 0;
  }

  /** The weights of a value; MariaDB gives NULL for weights longer than max_allowed_packet. */
  private byte[] weights(MergeRow row) {
    if (row.isNull(weight)) {
      throw new UnsupportedMergeException(
          "merging the rows of several shard groups by the string column "
              + name
              + ", whose weights a shard did not compute");
    }
    return row.bytes(weight);
  }

  private byte[] space(MergeRow row) {
    byte[] space = row.isNull(spaceWeight) ? new byte[0] : row.bytes(spaceWeight);
    if (space.length > MAX_SPACE_WEIGHT) {
      throw new UnsupportedMergeException(
          "merging the rows of several shard groups by the string column "
              + name
              + ", whose collation compares several levels of weights");
    }
    return space;
  }
}
