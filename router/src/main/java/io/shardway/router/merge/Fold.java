package io.shardway.router.merge;

/** The running value of one aggregate over the rows of one group. */
interface Fold {

  void add(MergeRow row);

  /**
   * The final value, as {@link ResultColumns#encode} takes it: null, a value of the rows' format,
   * or a computed number.
   */
  Object result();
}
