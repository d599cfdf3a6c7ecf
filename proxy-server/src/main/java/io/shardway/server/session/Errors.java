package io.shardway.server.session;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.shardway.protocol.ErrPacket;
import io.shardway.protocol.PacketFraming;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Set;

/** The errors Shardway itself gives clients, with MySQL's codes and SQLSTATEs. */
final class Errors {
  static final ErrPacket LOAD_DATA_LOCAL =
      new ErrPacket(
          1148,
          "42000",
          "Shardway does not support LOAD DATA LOCAL INFILE: the file would have to pass through"
              + " the proxy. Load it on the database server with LOAD DATA INFILE, or send the rows"
              + " as INSERT statements.");

  /** MySQL's answer to a command that arrives while the server shuts down. */
  static final ErrPacket SHUTTING_DOWN =
      new ErrPacket(1053, "08S01", "Server shutdown in progress");

  private Errors() {}

  /** {@code error} as a whole frame, header included, with sequence id {@code sequenceId}. */
  static ByteBuf frame(ByteBufAllocator alloc, ErrPacket error, int sequenceId) {
    ByteBuf out = alloc.buffer();
    int start = out.writerIndex();
    out.writeInt(0);
    error.encode(out);
    out.setMediumLE(start, out.writerIndex() - start - PacketFraming.HEADER_SIZE);
    out.setByte(start + 3, sequenceId);
    return out;
  }

  /**
   * A statement for one shard group while the session holds a connection of another: its
   * transaction or other connection state lives there.
   */
  static ErrPacket pinnedToOtherGroup(String held, String wanted, Set<PinReason> reasons) {
    String why =
        reasons.contains(PinReason.TRANSACTION)
            ? "a transaction that touches more than one shard group"
            : "a statement on another shard group while the session holds state on its"
                + " connection ("
                + reasons.stream().map(r -> r.name().toLowerCase(Locale.ROOT)).sorted().toList()
                + ")";
    return notSupported(
        why
            + ": this statement needs shard group '"
            + wanted
            + "', the session is on '"
            + held
            + "'");
  }

  /** Error 1235 with the router's whole sentence. */
  static ErrPacket refused(String message) {
    return new ErrPacket(1235, "42000", message);
  }

  /** Error 1235, MySQL's "not supported yet", with what Shardway cannot do. */
  static ErrPacket notSupported(String what) {
    return refused("This version of Shardway doesn't yet support " + what);
  }

  static ErrPacket unknownStatement(long id, String command) {
    return new ErrPacket(
        1243, "HY000", "Unknown prepared statement handler (" + id + ") given to " + command);
  }

  static ErrPacket lostConnection(boolean inTransaction) {
    return new ErrPacket(
        2013,
        "HY000",
        "Lost connection to the backend server during query"
            + (inTransaction ? "; the transaction was rolled back" : ""));
  }

  /**
   * A failure to get a backend connection: the server's own error when it gave one (a rejected
   * login, say), else "can't connect" with the driver's explanation.
   */
  static ErrPacket fromBackend(SQLException e) {
    SQLException cause = e;
    while (cause.getErrorCode() == 0 && cause.getCause() instanceof SQLException next) {
      cause = next;
    }
    if (cause.getErrorCode() > 0) {
      String state = cause.getSQLState() == null ? "HY000" : cause.getSQLState();
      return new ErrPacket(cause.getErrorCode(), state, cause.getMessage());
    }
    return new ErrPacket(
        2003, "HY000", "Shardway could not get a backend connection: " + e.getMessage());
  }
}
