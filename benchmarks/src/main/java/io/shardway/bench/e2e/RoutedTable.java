package io.shardway.bench.e2e;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The markdown section that shows where Shardway sent the statements of its measured rounds, one
 * row per server ({@code SHOW SHARDWAY BACKENDS}, growth over each round, summed): with replicas,
 * the evidence that reads spread over them while writes stay on the primary.
 */
final class RoutedTable {
  private RoutedTable() {}

  /** The section, or empty when no Shardway round reported per-server counts (no replicas). */
  static Optional<String> render(List<Measurement> shardwayRounds) {
    List<Measurement> rounds = shardwayRounds.stream().filter(m -> !m.routed().isEmpty()).toList();
    if (rounds.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Server> servers = new LinkedHashMap<>();
    for (Measurement round : rounds) {
      for (ShardwayBackends.Routed routed : round.routed()) {
        servers.computeIfAbsent(routed.server(), name -> new Server()).add(routed);
      }
    }
    long readsRouted = servers.values().stream().mapToLong(server -> server.reads).sum();
    long writerStatements = servers.values().stream().mapToLong(server -> server.writes).sum();
    long clientReads = rounds.stream().mapToLong(Measurement::reads).sum();
    long clientWrites = rounds.stream().mapToLong(Measurement::writes).sum();

    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            "#### Where Shardway sent the statements (SHOW SHARDWAY BACKENDS, %d measured"
                + " round%s)%n%n",
            rounds.size(), rounds.size() == 1 ? "" : "s"));
    out.append(
        "| server | address | role | reads routed | share of reads routed | writes routed "
            + "| reads routed per round |\n");
    out.append("|---|---|---|---:|---:|---:|---|\n");
    servers.forEach(
        (name, server) ->
            out.append(
                String.format(
                    "| %s | %s | %s | %,d | %s | %,d | %s |%n",
                    name,
                    server.address,
                    server.role,
                    server.reads,
                    percent(server.reads, readsRouted, "%.0f%%"),
                    server.writes,
                    String.join(", ", server.readsPerRound))));
    long primaryReads = writerStatements - clientWrites;
    out.append('\n')
        .append(
            String.format(
                "Through Shardway the clients made %,d reads and %,d writes; %,d statements (%s"
                    + " of the reads) ran on replicas. ",
                clientReads,
                clientWrites,
                readsRouted,
                percent(readsRouted, clientReads, "%.2f%%")))
        .append(
            primaryReads == 0
                ? "The writer ran the writes and nothing else: no read went to the primary."
                : String.format(
                    "The writer ran %,d statements, %,d more than the writes: reads that went to"
                        + " the primary because no replica had applied the session's last write"
                        + " within `gtidWaitTimeout`, or none was healthy.",
                    writerStatements, primaryReads))
        .append(
            " *reads routed* and *writes routed* are Shardway's counts of the statements each"
                + " server ran as a replica and as the writer, from the start to the end of each"
                + " round; failed operations count too.\n");
    return Optional.of(out.toString());
  }

  private static String percent(long part, long whole, String format) {
    return whole == 0 ? "n/a" : String.format(format, 100.0 * part / whole);
  }

  /** One server's counts summed over the rounds, with its address and its latest role. */
  private static final class Server {
    private final List<String> readsPerRound = new ArrayList<>();
    private String address;
    private String role;
    private long reads;
    private long writes;

    void add(ShardwayBackends.Routed routed) {
      address = routed.address();
      role = routed.role();
      reads += routed.readsRouted();
      writes += routed.writesRouted();
      readsPerRound.add(String.format("%,d", routed.readsRouted()));
    }
  }
}
