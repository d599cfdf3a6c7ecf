package io.shardway.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.shardway.protocol.CommandType;
import io.shardway.testcluster.DemoSchema;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A client that sends thousands of commands before reading any answer gets every answer, in order:
 * the proxy stops reading it while its queue is long and resumes as the queue drains.
 */
class PipeliningIT {
  private static final int COMMANDS = 5000;

  @Test
  void thousandsOfPipelinedCommandsAreAllAnsweredInOrder() throws Exception {
    TestCluster cluster = TestCluster.get();
    try (RawMysqlClient client =
        RawMysqlClient.connect(cluster.proxy().port(), Duration.ofSeconds(30))) {
      client.login(TestCluster.APP_USER, TestCluster.APP_PASSWORD, DemoSchema.SCHEMA);
      ByteArrayOutputStream burst = new ByteArrayOutputStream();
      for (int i = 0; i < COMMANDS; i++) {
        byte[] sql = ("SELECT " + i).getBytes(StandardCharsets.US_ASCII);
        int length = sql.length + 1;
        burst.write(new byte[] {(byte) length, 0, 0, 0, CommandType.COM_QUERY});
        burst.write(sql);
      }
      client.writeRaw(burst.toByteArray());
      for (int i = 0; i < COMMANDS; i++) {
        // Column count, column definition, EOF, row, EOF (the raw client has no DEPRECATE_EOF).
        assertEquals(1, client.read().payload()[0], "column count of answer " + i);
        client.read();
        client.read();
        byte[] row = client.read().payload();
        assertEquals(
            Integer.toString(i), new String(row, 1, row[0], StandardCharsets.US_ASCII), "row " + i);
        client.read();
      }
    }
  }
}
