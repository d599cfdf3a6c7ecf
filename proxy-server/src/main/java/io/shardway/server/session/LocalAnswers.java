package io.shardway.server.session;

import io.shardway.server.frontend.LocalResultSet;

/** Statements the proxy answers itself instead of sending them to a backend. */
@FunctionalInterface
public interface LocalAnswers {
  /** The result for {@code sql}, or null when the backend must answer it. */
  LocalResultSet answer(String sql);
}
