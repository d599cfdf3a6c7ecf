package io.shardway.server.it;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * One statement of the write corpus, sent to the reference and through Shardway alike.
 *
 * @param parameters values for the {@code ?} of {@code sql}; none for plain text statements
 */
record CorpusWrite(Category category, String sql, List<Object> parameters) {

  CorpusWrite {
    parameters = Collections.unmodifiableList(new ArrayList<>(parameters));
  }

  static CorpusWrite of(Category category, String sql, Object... parameters) {
    return new CorpusWrite(category, sql, Arrays.asList(parameters));
  }

  boolean parameterized() {
    return !parameters.isEmpty();
  }

  @Override
  public String toString() {
    return category + ": " + sql + (parameters.isEmpty() ? "" : " with " + parameters);
  }
}
