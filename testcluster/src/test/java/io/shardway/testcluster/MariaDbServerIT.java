package io.shardway.testcluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shardway.testcluster.MariaDbServer.Options;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MariaDbServerIT {
  @Test
  void twoServersRunAtOnceOnTheirOwnPortsAndDirectories() throws SQLException {
    try (MariaDbServer first = MariaDbServer.start();
        MariaDbServer second = MariaDbServer.start()) {
      assertNotEquals(first.port(), second.port());
      assertNotEquals(first.dataDirectory(), second.dataDirectory());

      for (MariaDbServer server : List.of(first, second)) {
        List<String> row = queryRow(server, "SELECT @@port, VERSION(), @@socket, @@datadir");
        assertEquals(String.valueOf(server.port()), row.get(0));
        assertTrue(row.get(1).contains("MariaDB"), row.get(1));
        // The socket lives in the server's own directory, next to its data.
        assertEquals(server.dataDirectory().resolveSibling("mariadbd.sock").toString(), row.get(2));
        assertEquals(server.dataDirectory() + "/", row.get(3));
      }
    }
  }

  @Test
  void defaultsMatchWhatTheProxyExpects() throws SQLException {
    try (MariaDbServer server = MariaDbServer.start()) {
      assertEquals("127.0.0.1", server.host());
      assertEquals("root", server.rootUser());
      assertTrue(
          server
              .jdbcUrl("appdb")
              .startsWith("jdbc:mysql://127.0.0.1:" + server.port() + "/appdb?"));
      assertEquals(
          List.of("utf8mb4", "utf8mb4_general_ci", "67108864", "0", "1", "0"),
          queryRow(
              server,
              "SELECT @@character_set_server, @@collation_server, @@max_allowed_packet,"
                  + " @@log_bin, @@server_id, @@have_ssl = 'YES'"));
    }
  }

  @Test
  void createdUserConnectsOverTcpAndHasAllPrivileges() throws SQLException {
    try (MariaDbServer server = MariaDbServer.start()) {
      String password = "s3cr'et\\pw";
      server.createUser("proxy", password);

      try (Connection connection =
              DriverManager.getConnection(server.jdbcUrl(""), "proxy", password);
          Statement statement = connection.createStatement()) {
        ResultSet rows = statement.executeQuery("SELECT CURRENT_USER()");
        rows.next();
        assertEquals("proxy@127.0.0.1", rows.getString(1));
        // ALL on *.*: it may create a schema of its own.
        statement.execute("CREATE DATABASE made_by_proxy");
      }
      assertEquals(
          List.of("127.0.0.1 mysql_native_password", "localhost mysql_native_password"),
          queryColumn(
              server,
              "SELECT CONCAT(host, ' ', plugin) FROM mysql.user WHERE user = 'proxy' ORDER BY host"));
    }
  }

  @Test
  void executeAndRunScriptUseOneConnection() throws SQLException {
    try (MariaDbServer server = MariaDbServer.start()) {
      server.runScript("testcluster-it.sql");
      server.execute("USE scripted", "INSERT INTO notes VALUES (3, 'after USE')");

      assertEquals(
          List.of("a; b", "Zoë", "after USE"),
          queryColumn(server, "SELECT body FROM scripted.notes ORDER BY id"));
    }
  }

  @Test
  void failedStatementNamesItAndKeepsTheSqlError() {
    try (MariaDbServer server = MariaDbServer.start()) {
      IllegalStateException e =
          assertThrows(IllegalStateException.class, () -> server.execute("SELECT * FROM nope.t"));
      assertTrue(e.getMessage().startsWith("failed: SELECT * FROM nope.t on "), e.getMessage());
      assertEquals(1146, ((SQLException) e.getCause()).getErrorCode());
    }
  }

  @Test
  void binlogOptionMakesAReplicationSource() throws SQLException {
    try (MariaDbServer server =
        MariaDbServer.start(Options.defaults().withBinlog(true).withServerId(7))) {
      assertEquals(
          List.of("1", "7", "ROW", "1"),
          queryRow(server, "SELECT @@log_bin, @@server_id, @@binlog_format, @@gtid_strict_mode"));
    }
  }

  @Test
  void stopKeepsTheDataAndCloseDeletesIt(@TempDir Path parent) throws SQLException {
    Path base = parent.resolve("node");
    Path dataDirectory;
    try (MariaDbServer server = MariaDbServer.start(Options.defaults().withBaseDirectory(base))) {
      dataDirectory = server.dataDirectory();
      server.execute("CREATE DATABASE kept", "CREATE TABLE kept.t (id INT)");
      server.stop();
      server.stop();
      assertTrue(Files.isDirectory(dataDirectory.resolve("kept")));
      assertThrows(SQLException.class, () -> server.connectAsRoot("").close());
    }
    assertFalse(Files.exists(base));
  }

  @Test
  void startsAgainOnTheDataOfAStoppedServer(@TempDir Path parent) throws SQLException {
    Path base = parent.resolve("node");
    Options options = Options.defaults().withBaseDirectory(base);
    try (MariaDbServer first = MariaDbServer.start(options)) {
      first.execute(
          "CREATE DATABASE kept", "CREATE TABLE kept.t (id INT)", "INSERT kept.t SET id=1");
      first.stop();
      try (MariaDbServer second = MariaDbServer.start(options)) {
        assertEquals(List.of("1"), queryColumn(second, "SELECT id FROM kept.t"));
      }
    }
  }

  @Test
  void closeOfADefaultServerRemovesItsDirectory() {
    MariaDbServer server = MariaDbServer.start();
    Path directory = server.dataDirectory().getParent();
    assertTrue(Files.isDirectory(directory));

    server.close();
    server.close();

    assertFalse(Files.exists(directory));
  }

  @Test
  void failedStartShowsTheServerLog() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> MariaDbServer.start(Options.defaults().withExtraArgs("--no-such-option=1")));
    assertTrue(e.getMessage().startsWith("mariadbd exited before it was ready"), e.getMessage());
    assertTrue(e.getMessage().contains("unknown variable 'no-such-option=1'"), e.getMessage());
  }

  private static List<String> queryRow(MariaDbServer server, String sql) throws SQLException {
    try (Connection connection = server.connectAsRoot("");
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      assertTrue(rows.next(), sql);
      List<String> row = new ArrayList<>();
      for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
        row.add(rows.getString(i));
      }
      return row;
    }
  }

  private static List<String> queryColumn(MariaDbServer server, String sql) throws SQLException {
    try (Connection connection = server.connectAsRoot("");
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      List<String> column = new ArrayList<>();
      while (rows.next()) {
        column.add(rows.getString(1));
      }
      return column;
    }
  }
}
