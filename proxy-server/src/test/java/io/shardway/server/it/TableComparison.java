package io.shardway.server.it;

import io.shardway.server.it.DifferentialSchema.Table;
import io.shardway.server.it.Outcome.Rows;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares every table of the shard groups, read directly, with the reference: a sharded table's
 * rows, all groups together, are the reference's (no row lost, none on two groups); each group's
 * copy of a broadcast table is the reference's; an unlisted table is on the default group only.
 */
final class TableComparison {
  private final DifferentialCluster cluster;

  TableComparison(DifferentialCluster cluster) {
    this.cluster = cluster;
  }

  /** Every table of the reference, read whole. */
  Map<Table, Rows> reference() throws SQLException {
    Map<Table, Rows> tables = new LinkedHashMap<>();
    try (Connection reference = cluster.reference(Client.MYSQL_TEXT)) {
      for (Table table : DifferentialSchema.TABLES) {
        tables.put(table, read(reference, table));
      }
    }
    return tables;
  }

  /** How the groups' tables differ from {@code reference}; empty when they agree. */
  List<String> differences(Map<Table, Rows> reference) throws SQLException {
    List<List<Rows>> groups = new ArrayList<>();
    for (int group = 0; group < cluster.groupCount(); group++) {
      try (Connection connection = cluster.group(group)) {
        List<Rows> tables = new ArrayList<>();
        for (Table table : DifferentialSchema.TABLES) {
          tables.add(read(connection, table));
        }
        groups.add(tables);
      }
    }
    List<String> differences = new ArrayList<>();
    for (int t = 0; t < DifferentialSchema.TABLES.size(); t++) {
      Table table = DifferentialSchema.TABLES.get(t);
      Rows expected = reference.get(table);
      List<Rows> copies = new ArrayList<>();
      for (List<Rows> group : groups) {
        copies.add(group.get(t));
      }
      compare(table, expected, copies, differences);
    }
    return differences;
  }

  private static void compare(Table table, Rows expected, List<Rows> copies, List<String> out) {
    switch (table.placement()) {
      case SHARDED -> differ(table.name() + " on all groups", expected, union(copies), out);
      case BROADCAST -> {
        for (int group = 0; group < copies.size(); group++) {
          differ(table.name() + " on group " + group, expected, copies.get(group), out);
        }
      }
      case DEFAULT_GROUP -> {
        int home = DifferentialSchema.GROUPS.indexOf(DifferentialSchema.DEFAULT_GROUP);
        for (int group = 0; group < copies.size(); group++) {
          Rows wanted = group == home ? expected : empty(expected);
          differ(table.name() + " on group " + group, wanted, copies.get(group), out);
        }
      }
    }
  }

  private static void differ(String where, Rows expected, Rows actual, List<String> out) {
    ResultComparer.sameRowsInAnyOrder(expected, actual)
        .ifPresent(d -> out.add(where + " differs from the reference: " + d));
  }

  private static Rows union(List<Rows> parts) {
    List<List<String>> values = new ArrayList<>();
    parts.forEach(part -> values.addAll(part.values()));
    return new Rows(parts.get(0).columns(), values, parts.get(0).valueClasses());
  }

  private static Rows empty(Rows like) {
    return new Rows(like.columns(), List.of(), like.valueClasses());
  }

  static Rows read(Connection connection, Table table) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT * FROM " + table.name())) {
      return Rows.read(rows);
    }
  }
}
