package io.shardway.server.backend;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.shardway.protocol.ErrPacket;
import io.shardway.protocol.OkPacket;
import io.shardway.protocol.ServerStatus;
import io.shardway.server.frontend.ClientWriter;
import java.io.IOException;

/**
 * Joins the OK packets of one write run on several shard groups into the OK a single server would
 * give: affected rows and warnings summed (for copies, one copy's count). The per-server info text
 * ("Rows matched: …") is left out, since no single server produced the sum.
 */
public final class AffectedRowsSum {
  private final boolean copies;
  private boolean first = true;
  private long affectedRows;
  private int warnings;
  private int status = ServerStatus.AUTOCOMMIT;

  /**
   * @param copies whether the groups hold copies of the same rows (a broadcast table): then the
   *     client hears the affected rows of one copy, not their sum
   */
  public AffectedRowsSum(boolean copies) {
    this.copies = copies;
  }

  /** Reads one shard's reply to the write: its OK is added up; an error is returned. */
  public RelayOutcome readPart(BackendChannel backend) throws IOException {
    RelayOutcome outcome = new RelayOutcome();
    ByteBuf reply = backend.readPacket(ByteBufAllocator.DEFAULT);
    try {
      int header = reply.getUnsignedByte(reply.readerIndex());
      if (header == ErrPacket.HEADER) {
        outcome.error(ErrPacket.decode(reply));
        return outcome;
      }
      if (header != OkPacket.HEADER) {
        throw new IOException("a shard answered a scattered write with a result set");
      }
      OkPacket ok = OkPacket.decode(reply);
      outcome.ok(ok.affectedRows(), 0, ok.statusFlags(), ok.warnings());
      if (first || !copies) {
        affectedRows += ok.affectedRows();
      }
      first = false;
      warnings = Math.min(0xFFFF, warnings + ok.warnings());
      status = ok.statusFlags() & ~ServerStatus.MORE_RESULTS_EXISTS;
      return outcome;
    } finally {
      reply.release();
    }
  }

  /**
   * Writes the joined OK.
   *
   * @param lastInsertId the first key Shardway generated for the rows, or 0
   */
  public void finish(ClientWriter client, long lastInsertId) {
    client.ok(new OkPacket(affectedRows, lastInsertId, status, warnings));
  }
}
