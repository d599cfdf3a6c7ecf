package io.shardway.server.backend;

import io.shardway.protocol.ErrPacket;
import java.io.IOException;

/**
 * A shard ended its rows with an error packet. The connection is fine and done with the command;
 * the error is the server's answer, for the client. Without a stack trace, since it is an answer.
 */
public final class ShardErrorException extends IOException {

  private static final long serialVersionUID = 1L;

  private final transient ErrPacket error;

  public ShardErrorException(ErrPacket error) {
    super(error.message(), null);
    this.error = error;
    setStackTrace(new StackTraceElement[0]);
  }

  public ErrPacket error() {
    return error;
  }
}
