package io.shardway.server.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shardway.protocol.CapabilityFlags;
import io.shardway.protocol.CommandType;
import io.shardway.protocol.ErrPacket;
import io.shardway.protocol.ServerStatus;
import io.shardway.server.it.WireClient.Frame;
import io.shardway.server.it.WireClient.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The bytes themselves: every packet of every response, sequence ids included, for a client with
 * CLIENT_DEPRECATE_EOF and for one without (Shardway's backend connections always have it, so for
 * the second every end-of-metadata and end-of-rows marker is translated). Text and binary results,
 * empty results, errors, multi-results, cursors with COM_STMT_FETCH, COM_FIELD_LIST,
 * COM_SET_OPTION, COM_PING and COM_INIT_DB.
 */
class FidelityWireIT {
  private static final String TABLE = "fid_wire";

  /** Status flags about one statement's result, which the server sets at the end of metadata. */
  private static final int STATEMENT_STATUS =
      ServerStatus.MORE_RESULTS_EXISTS
          | ServerStatus.NO_GOOD_INDEX_USED
          | ServerStatus.NO_INDEX_USED
          | ServerStatus.QUERY_WAS_SLOW;

  @BeforeAll
  static void createTables() throws Exception {
    try (var c = Endpoint.direct().connect(Client.MYSQL_TEXT, "");
        var s = c.createStatement()) {
      s.execute("DROP TABLE IF EXISTS " + TABLE);
      s.execute(
          "CREATE TABLE "
              + TABLE
              + " (id INT PRIMARY KEY, name VARCHAR(20), price DECIMAL(8,2), at DATETIME(3))");
      s.execute(
          "INSERT INTO "
              + TABLE
              + " VALUES (1, 'one', 1.50, '2024-01-01 10:00:00.123'), (2, NULL, NULL, NULL),"
              + " (3, 'three 😀', -3.25, '1999-12-31 23:59:59.999'), (4, '', 0, NULL)");
      s.execute("DROP PROCEDURE IF EXISTS fid_wire_proc");
      s.execute(
          "CREATE PROCEDURE fid_wire_proc() BEGIN SELECT 1 AS a; SELECT name FROM "
              + TABLE
              + " WHERE id < 3 ORDER BY id; END");
    }
  }

  @ParameterizedTest(name = "CLIENT_DEPRECATE_EOF {0}")
  @ValueSource(booleans = {true, false})
  void everyResponsePacketIsTheServersOwn(boolean deprecateEof) throws Exception {
    int capabilities =
        WireClient.BASE_CAPABILITIES | (deprecateEof ? CapabilityFlags.CLIENT_DEPRECATE_EOF : 0);
    Transcript proxy =
        Transcript.compare(
            (endpoint, t) -> {
              try (WireClient c = WireClient.login(endpoint, "appdb", capabilities)) {
                query(t, c, "SELECT 1 AS a, 'x' AS b, NULL AS c");
                query(t, c, "SELECT * FROM " + TABLE + " ORDER BY id");
                query(t, c, "SELECT * FROM " + TABLE + " WHERE id < 0");
                query(t, c, "DO 1");
                query(t, c, "UPDATE " + TABLE + " SET price = price WHERE id > 2");
                query(t, c, "SELECT * FROM fid_no_such_table");
                query(
                    t,
                    c,
                    "SELECT 1 AS first; UPDATE "
                        + TABLE
                        + " SET id = id WHERE id = 1;"
                        + " SELECT 2 AS second");
                query(t, c, "SELECT 1; SELECT * FROM fid_no_such_table; SELECT 3");
                query(t, c, "CALL fid_wire_proc()");
                record(t, "ping", c.command(new byte[] {CommandType.COM_PING}, Response.SINGLE));

                byte[] sql =
                    ("SELECT id, name, price, at FROM " + TABLE + " WHERE id > ? ORDER BY id")
                        .getBytes(StandardCharsets.UTF_8);
                List<Frame> prepared =
                    c.command(
                        WireClient.command(CommandType.COM_STMT_PREPARE, sql), Response.PREPARE);
                long id = statementId(prepared.get(0));
                t.add("prepare", "statement id " + (id > 0 ? "given" : "missing"));
                record(t, "prepare", withoutStatementId(prepared));
                record(t, "execute", c.command(execute(id, 0, 0), Response.RESULTS));
                record(t, "execute with a cursor", c.command(execute(id, 1, 1), Response.RESULTS));
                record(t, "fetch 2", c.command(fetch(id, 2), Response.ROWS));
                record(t, "fetch the rest", c.command(fetch(id, 10), Response.ROWS));
                record(
                    t,
                    "reset",
                    c.command(statementCommand(CommandType.COM_STMT_RESET, id), Response.SINGLE));
                c.command(statementCommand(CommandType.COM_STMT_CLOSE, id), Response.NONE);
                List<Frame> unknown = c.command(execute(id, 0, 0), Response.RESULTS);
                t.add(
                    "execute after close",
                    unknown.size() + " packets, seq " + unknown.get(0).sequenceId());
                t.add("execute after close", withoutStatementId(unknown.get(0).err(), id));
                record(
                    t,
                    "prepare an error",
                    c.command(
                        WireClient.command(
                            CommandType.COM_STMT_PREPARE,
                            "SELECT * FROM fid_no_such_table".getBytes(StandardCharsets.UTF_8)),
                        Response.PREPARE));

                record(
                    t,
                    "field list",
                    c.command(
                        WireClient.command(
                            CommandType.COM_FIELD_LIST,
                            (TABLE + "\0").getBytes(StandardCharsets.UTF_8)),
                        Response.FIELD_LIST));
                record(t, "multi-statements off", c.command(setOption(1), Response.SINGLE));
                query(t, c, "SELECT 1; SELECT 2");
                record(t, "multi-statements on", c.command(setOption(0), Response.SINGLE));
                record(
                    t,
                    "init db",
                    c.command(
                        WireClient.command(
                            CommandType.COM_INIT_DB, "otherdb".getBytes(StandardCharsets.UTF_8)),
                        Response.SINGLE));
                query(t, c, "SELECT DATABASE()");
                record(
                    t,
                    "init unknown db",
                    c.command(
                        WireClient.command(
                            CommandType.COM_INIT_DB,
                            "fid_no_such_db".getBytes(StandardCharsets.UTF_8)),
                        Response.SINGLE));
                record(
                    t,
                    "ping at the end",
                    c.command(new byte[] {CommandType.COM_PING}, Response.SINGLE));
              }
            });
    assertTrue(proxy.contains("fetch the rest"), proxy::toString);
  }

  private static void query(Transcript t, WireClient c, String sql) throws Exception {
    record(t, sql, c.command(WireClient.query(sql), Response.RESULTS));
  }

  /**
   * Every packet's bytes, except some status flags of the EOF after column definitions: a client
   * without CLIENT_DEPRECATE_EOF gets that EOF from Shardway, because its backend connections have
   * the flag and MariaDB sends none to them; Shardway knows the session's lasting flags then, but
   * not the ones about this statement, which MariaDB sets there too.
   */
  private static void record(Transcript t, String label, List<Frame> frames) {
    for (Frame frame : frames) {
      if (frame.metadataEof()) {
        t.add(
            label,
            "seq "
                + frame.sequenceId()
                + ": metadata EOF, warnings "
                + frame.payload()[1]
                + frame.payload()[2]
                + ", lasting status "
                + (frame.statusFlags() & ~STATEMENT_STATUS));
      } else {
        t.add(label, frame);
      }
    }
    t.add(label, frames.size() + " packets");
  }

  /**
   * The Stmt-Prepare-OK with its statement id zeroed: MariaDB numbers statements per server thread,
   * and a cached thread goes on counting from its previous connection; Shardway numbers each client
   * connection's statements from 1.
   */
  private static List<Frame> withoutStatementId(List<Frame> prepared) {
    byte[] ok = prepared.get(0).payload().clone();
    Arrays.fill(ok, 1, 5, (byte) 0);
    List<Frame> frames = new ArrayList<>(prepared);
    frames.set(0, new Frame(prepared.get(0).sequenceId(), ok, false));
    return frames;
  }

  private static String withoutStatementId(ErrPacket err, long id) {
    return err.errorCode()
        + " ["
        + err.sqlState()
        + "] "
        + err.message().replace("(" + id + ")", "(<statement id>)");
  }

  private static long statementId(Frame prepareOk) {
    byte[] p = prepareOk.payload();
    return (p[1] & 0xFFL) | (p[2] & 0xFFL) << 8 | (p[3] & 0xFFL) << 16 | (p[4] & 0xFFL) << 24;
  }

  /** COM_STMT_EXECUTE with one INT parameter bound to {@code value}. */
  private static byte[] execute(long statementId, int cursorFlags, int value) {
    return WireClient.bytes(
        b -> {
          b.writeByte(CommandType.COM_STMT_EXECUTE);
          b.writeIntLE((int) statementId);
          b.writeByte(cursorFlags);
          b.writeIntLE(1); // iteration count
          b.writeByte(0); // NULL bitmap of one parameter
          b.writeByte(1); // new parameters bound
          b.writeShortLE(3); // MYSQL_TYPE_LONG
          b.writeIntLE(value);
        });
  }

  private static byte[] fetch(long statementId, int rows) {
    return WireClient.bytes(
        b ->
            b.writeByte(CommandType.COM_STMT_FETCH).writeIntLE((int) statementId).writeIntLE(rows));
  }

  private static byte[] statementCommand(int command, long statementId) {
    return WireClient.bytes(b -> b.writeByte(command).writeIntLE((int) statementId));
  }

  private static byte[] setOption(int option) {
    return WireClient.bytes(b -> b.writeByte(CommandType.COM_SET_OPTION).writeShortLE(option));
  }
}
