package io.shardway.server.it;

import java.sql.Connection;
import java.sql.SQLException;

/** Opens a new connection to one server, the reference or Shardway, each time it is asked. */
@FunctionalInterface
interface ConnectionSource {
  Connection open() throws SQLException;
}
