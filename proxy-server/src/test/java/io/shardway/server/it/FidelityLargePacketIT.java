package io.shardway.server.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Packets of 16 MiB and more, which the protocol splits into 16 MiB - 1 frames: a 20 MiB BLOB goes
 * up (as COM_QUERY text, as a COM_STMT_EXECUTE parameter, as COM_STMT_SEND_LONG_DATA chunks) and
 * comes back (as a text row and a binary row, each starting with the 0xFE of an 8-byte length),
 * byte for byte; and payloads of exactly 16 MiB - 1, which need an empty frame after them.
 */
class FidelityLargePacketIT {
  private static final String TABLE = "fid_large";
  private static final int SIZE = 20 * 1024 * 1024;
  private static final int MAX_FRAME = 0xFFFFFF;
  private static final String OPTIONS = "useCompression=false";

  /** Random bytes (NUL, quotes and backslashes among them) with 0xFE bytes at the frame edges. */
  private static final byte[] BLOB = blob();

  private static final String BLOB_SHA256 = Transcript.sha256(BLOB);

  private enum Upload {
    /** Client-side prepared: the bytes are escaped into a 20+ MiB COM_QUERY. */
    TEXT_QUERY(Client.MYSQL_TEXT),
    /** A 20 MiB COM_STMT_EXECUTE. */
    SERVER_PREPARED_BYTES(Client.MYSQL_SERVER_PREPARED),
    /** COM_STMT_SEND_LONG_DATA chunks, then a small COM_STMT_EXECUTE. */
    SERVER_PREPARED_STREAM(Client.MYSQL_SERVER_PREPARED),
    MARIADB_TEXT_QUERY(Client.MARIADB_TEXT),
    MARIADB_SERVER_PREPARED(Client.MARIADB_SERVER_PREPARED);

    final Client client;

    Upload(Client client) {
      this.client = client;
    }
  }

  @ParameterizedTest(name = "uploaded as {0}")
  @EnumSource(Upload.class)
  void a20MiBBlobGoesThroughByteForByteBothWays(Upload upload) throws Exception {
    Transcript proxy =
        Transcript.compare(
            (endpoint, t) -> {
              insert(endpoint, upload);
              for (Client reader : Client.values()) {
                t.add(reader + " read", readBack(endpoint, reader));
              }
              try (Connection c = endpoint.connect(Client.MYSQL_TEXT, OPTIONS);
                  Statement s = c.createStatement();
                  ResultSet rs = s.executeQuery("SELECT LENGTH(b), SHA2(b, 256) FROM " + TABLE)) {
                t.resultSet("server digest", rs);
              }
            });
    assertTrue(proxy.contains(BLOB_SHA256), proxy::toString);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Client.class)
  void aRowOfExactlyOneFullFrameIsFollowedByAnEmptyFrame(Client client) throws Exception {
    // A text row of one 16777211-byte value is 4 bytes of length (0xFD + 3) plus the value: the
    // payload fills a frame exactly. The binary row adds a header byte and a NULL bitmap instead.
    int valueLength = client.serverPrepared() ? MAX_FRAME - 6 : MAX_FRAME - 4;
    Transcript proxy =
        Transcript.compare(
            (endpoint, t) -> {
              try (Connection c = endpoint.connect(client, OPTIONS);
                  PreparedStatement p =
                      client.prepare(c, "SELECT REPEAT('a', ?) AS r, 2 AS next")) {
                p.setInt(1, valueLength);
                try (ResultSet rs = p.executeQuery()) {
                  while (rs.next()) {
                    String value = rs.getString(1);
                    assertEquals(valueLength, value.length());
                    assertTrue(value.chars().allMatch(ch -> ch == 'a'));
                    t.add("row", value.length() + " | " + rs.getInt(2));
                  }
                }
                try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT 'still in step'")) {
                  t.resultSet("next", rs);
                }
              }
            });
    assertTrue(proxy.contains("row: " + valueLength + " | 2"), proxy::toString);
  }

  @Test
  void aQueryOfExactlyOneFullFrameReachesTheServer() throws Exception {
    // COM_QUERY's payload is the command byte and the text: 1 + text = 16777215 bytes.
    String prefix = "SELECT LENGTH('";
    String suffix = "') AS n";
    int filler = MAX_FRAME - 1 - prefix.length() - suffix.length();
    String sql = prefix + "b".repeat(filler) + suffix;
    assertEquals(MAX_FRAME, 1 + sql.getBytes(StandardCharsets.UTF_8).length);
    Transcript proxy =
        Transcript.compare(
            (endpoint, t) -> {
              try (Connection c = endpoint.connect(Client.MYSQL_TEXT, OPTIONS);
                  Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery(sql)) {
                  t.resultSet("full frame", rs);
                }
                try (ResultSet rs = s.executeQuery("SELECT 'still in step'")) {
                  t.resultSet("next", rs);
                }
              }
            });
    assertTrue(proxy.contains("Integer " + filler), proxy::toString);
  }

  private static void insert(Endpoint endpoint, Upload upload) throws SQLException {
    try (Connection c = endpoint.connect(upload.client, OPTIONS);
        Statement s = c.createStatement()) {
      s.execute("DROP TABLE IF EXISTS " + TABLE);
      s.execute("CREATE TABLE " + TABLE + " (id INT PRIMARY KEY, b LONGBLOB)");
      try (PreparedStatement insert =
          upload.client.prepare(c, "INSERT INTO " + TABLE + " VALUES (1, ?)")) {
        if (upload == Upload.SERVER_PREPARED_STREAM) {
          insert.setBinaryStream(1, new ByteArrayInputStream(BLOB), BLOB.length);
        } else {
          insert.setBytes(1, BLOB);
        }
        assertEquals(1, insert.executeUpdate());
      }
    }
  }

  /** The value's length and SHA-256 as {@code reader} gets it, and the row after it. */
  private static String readBack(Endpoint endpoint, Client reader) throws SQLException {
    try (Connection c = endpoint.connect(reader, OPTIONS);
        PreparedStatement p =
            reader.prepare(
                c,
                "SELECT b, id FROM " + TABLE + " WHERE id = ? UNION ALL SELECT" + " 'after', 2")) {
      p.setInt(1, 1);
      try (ResultSet rs = p.executeQuery()) {
        assertTrue(rs.next());
        byte[] value = rs.getBytes(1);
        assertEquals(BLOB.length, value.length, reader + " length");
        assertArrayEquals(BLOB, value, reader + " bytes");
        assertTrue(rs.next());
        String after = new String(rs.getBytes(1), StandardCharsets.UTF_8) + " " + rs.getInt(2);
        return value.length + " sha256:" + Transcript.sha256(value) + ", then " + after;
      }
    }
  }

  private static byte[] blob() {
    byte[] bytes = new byte[SIZE];
    new Random(16_777_215L).nextBytes(bytes);
    for (int i = 0; i < 64; i++) {
      bytes[i * 1024] = 0;
      bytes[i * 1024 + 1] = '\'';
      bytes[i * 1024 + 2] = '\\';
    }
    for (int edge = MAX_FRAME - 8; edge < SIZE; edge += MAX_FRAME) {
      for (int i = 0; i < 16; i++) {
        bytes[edge + i] = (byte) 0xFE;
      }
    }
    return bytes;
  }
}
