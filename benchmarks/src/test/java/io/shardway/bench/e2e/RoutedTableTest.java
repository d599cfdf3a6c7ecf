package io.shardway.bench.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shardway.bench.e2e.ShardwayBackends.Routed;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoutedTableTest {

  private static Measurement round(int round, long reads, long writes, List<Routed> routed) {
    return Measurements.oneSecond(
        Target.Kind.SHARDWAY,
        Workload.POINT_SELECT,
        round,
        reads + writes,
        writes,
        Map.of(),
        routed);
  }

  @Test
  void noSectionWithoutPerServerCounts() {
    assertTrue(RoutedTable.render(List.of(round(1, 900, 100, List.of()))).isEmpty());
  }

  @Test
  void saysSoWhenNoReadWentToThePrimary() {
    String table =
        RoutedTable.render(
                List.of(
                    round(
                        1,
                        900,
                        100,
                        List.of(
                            new Routed("s0", "127.0.0.1:1", "writer", 100, 0),
                            new Routed("s0-r1", "127.0.0.1:2", "replica", 0, 900)))))
            .orElseThrow();
    assertTrue(
        table.contains(
            "; 900 statements (100.00% of the reads) ran on replicas. The writer ran the writes"
                + " and nothing else: no read went to the primary."),
        table);
  }

  @Test
  void sumsTheRoundsPerServer() {
    String table =
        RoutedTable.render(
                List.of(
                    round(
                        1,
                        900,
                        100,
                        List.of(
                            new Routed("s0", "127.0.0.1:1", "writer", 110, 0),
                            new Routed("s0-r1", "127.0.0.1:2", "replica", 0, 450),
                            new Routed("s0-r2", "127.0.0.1:3", "replica", 0, 440))),
                    round(
                        2,
                        1_800,
                        200,
                        List.of(
                            new Routed("s0", "127.0.0.1:1", "writer", 200, 0),
                            new Routed("s0-r1", "127.0.0.1:2", "replica", 0, 910),
                            new Routed("s0-r2", "127.0.0.1:3", "replica", 0, 890)))))
            .orElseThrow();
    String[] lines = table.split("\n");
    assertEquals(
        "#### Where Shardway sent the statements (SHOW SHARDWAY BACKENDS, 2 measured rounds)",
        lines[0]);
    assertEquals("| s0 | 127.0.0.1:1 | writer | 0 | 0% | 310 | 0, 0 |", lines[4]);
    assertEquals("| s0-r1 | 127.0.0.1:2 | replica | 1,360 | 51% | 0 | 450, 910 |", lines[5]);
    assertEquals("| s0-r2 | 127.0.0.1:3 | replica | 1,330 | 49% | 0 | 440, 890 |", lines[6]);
    assertTrue(
        lines[8].startsWith(
            "Through Shardway the clients made 2,700 reads and 300 writes; 2,690 statements"
                + " (99.63% of the reads) ran on replicas. The writer ran 310 statements, 10 more than"
                + " the writes: "),
        lines[8]);
  }
}
