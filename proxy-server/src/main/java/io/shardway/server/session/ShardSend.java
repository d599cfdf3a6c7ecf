package io.shardway.server.session;

import io.shardway.server.backend.BackendConnection;
import java.io.IOException;

/** Sends a statement to one shard group's connection, whose answer the caller then reads. */
@FunctionalInterface
interface ShardSend {

  /**
   * False after answering the client's error when it could not be sent there (the server cannot
   * prepare it, say): the connection then has no answer to read.
   */
  boolean to(BackendConnection backend) throws IOException;
}
