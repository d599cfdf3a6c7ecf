import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * The JDBC side of capture.sh, run with the java launcher and MySQL Connector/J on the class path:
 * {@code java -cp mysql-connector-j.jar JdbcScenario.java <jdbc-url> text|binary}. Connector/J
 * negotiates CLIENT_DEPRECATE_EOF; with useServerPrepStmts it prepares on the server and reads
 * binary rows.
 */
public final class JdbcScenario {
  public static void main(String[] args) throws Exception {
    try (Connection connection = DriverManager.getConnection(args[0])) {
      if (args[1].equals("text")) {
        try (Statement statement = connection.createStatement();
            ResultSet rows =
                statement.executeQuery(
                    "SELECT id, amount, created, name, data, note FROM types ORDER BY id")) {
          print(rows);
        }
      } else {
        try (PreparedStatement statement =
            connection.prepareStatement("SELECT * FROM all_types WHERE id >= ? ORDER BY id")) {
          statement.setInt(1, 0);
          try (ResultSet rows = statement.executeQuery()) {
            print(rows);
          }
        }
      }
    }
  }

  private static void print(ResultSet rows) throws Exception {
    int columns = rows.getMetaData().getColumnCount();
    while (rows.next()) {
      StringBuilder line = new StringBuilder();
      for (int i = 1; i <= columns; i++) {
        line.append(i == 1 ? "" : " | ").append(rows.getString(i));
      }
      System.out.println(line);
    }
  }
}
