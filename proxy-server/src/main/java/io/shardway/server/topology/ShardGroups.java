package io.shardway.server.topology;

import io.shardway.config.ShardGroup;
import io.shardway.config.ShardwayConfig;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every shard group of the configuration, with the health monitor of each. A group of one server
 * has nothing to choose between, but is watched all the same: readiness and the backend metrics
 * report what its monitor last found.
 */
public final class ShardGroups implements AutoCloseable {
  private final Map<String, BackendGroup> groups;
  private final List<BackendMonitor> monitors;

  private ShardGroups(Map<String, BackendGroup> groups, List<BackendMonitor> monitors) {
    this.groups = groups;
    this.monitors = monitors;
  }

  /** Opens the groups' pools (lazily, on first use) and starts the monitors. */
  public static ShardGroups open(ShardwayConfig config) {
    Map<String, BackendGroup> groups = new LinkedHashMap<>();
    List<BackendMonitor> monitors = new ArrayList<>();
    try {
      for (ShardGroup group : config.shardGroups().values()) {
        BackendGroup backends =
            BackendGroup.open(group, config.backendUser(), config.pool(), config.readWrite());
        groups.put(group.name(), backends);
        monitors.add(BackendMonitor.start(backends, config.readWrite()));
      }
    } catch (RuntimeException e) {
      monitors.forEach(BackendMonitor::close);
      groups.values().forEach(BackendGroup::close);
      throw e;
    }
    return new ShardGroups(groups, monitors);
  }

  /** The group named {@code name} in the configuration. */
  public BackendGroup group(String name) {
    BackendGroup group = groups.get(name);
    if (group == null) {
      throw new IllegalArgumentException("no shard group named " + name);
    }
    return group;
  }

  /** Every group, in configuration order. */
  public Collection<BackendGroup> all() {
    return groups.values();
  }

  @Override
  public void close() {
    monitors.forEach(BackendMonitor::close);
    groups.values().forEach(BackendGroup::close);
  }
}
