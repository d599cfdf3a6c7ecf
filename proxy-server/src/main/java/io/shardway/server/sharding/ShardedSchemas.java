package io.shardway.server.sharding;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.shardway.config.SchemaConfig;
import io.shardway.router.merge.UnsupportedMergeException;
import io.shardway.router.plan.InsertSplit;
import io.shardway.router.plan.PlanCache;
import io.shardway.router.plan.QueryMerge;
import io.shardway.router.plan.RoutePlan;
import io.shardway.router.plan.ShardRouter;
import io.shardway.router.shard.KeyGenerator;
import io.shardway.router.shard.SnowflakeIds;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The routers of the logical schemas that list sharded or broadcast tables, with their plans cached
 * by statement text: a prepared statement, or a text statement sent again as it was, is parsed
 * once.
 */
public final class ShardedSchemas {
  /** Plans are small; this bounds the cache of a schema to a few megabytes. */
  private static final int PLANS_PER_SCHEMA = 10_000;

  /** Merged SELECTs are fewer and their descriptions larger than plans. */
  private static final int MERGES_PER_SCHEMA = 1_000;

  private final Map<String, Router> routers = new HashMap<>();

  /**
   * @param workerId this instance's part of the keys it generates, see {@link SnowflakeIds}
   */
  public ShardedSchemas(Map<String, SchemaConfig> schemas, int workerId) {
    KeyGenerator keys = new SnowflakeIds(workerId);
    Map<String, SchemaLayouts> layouts = SchemaLayouts.of(schemas);
    for (SchemaConfig schema : schemas.values()) {
      SchemaLayouts own = layouts.get(schema.name().toLowerCase(Locale.ROOT));
      if (own.shardsAnything()) {
        // Keyed as configured: a session's schema is a configured name, spelled as configured.
        routers.put(schema.name(), new Router(new ShardRouter(own), keys));
      }
    }
  }

  /** The router of {@code schema}, or null when its statements all go to its default group. */
  public Router router(String schema) {
    return schema == null ? null : routers.get(schema);
  }

  /** One schema's router and its plans. */
  public static final class Router {
    private final ShardRouter router;
    private final KeyGenerator keys;
    private final PlanCache plans;
    private final Cache<String, QueryMerge> merges =
        Caffeine.newBuilder().maximumSize(MERGES_PER_SCHEMA).build();

    Router(ShardRouter router, KeyGenerator keys) {
      this.router = router;
      this.keys = keys;
      this.plans = new PlanCache(router, PLANS_PER_SCHEMA);
    }

    public RoutePlan plan(String sql) {
      return plans.plan(sql);
    }

    /**
     * How a SELECT whose plan says {@code Merge.QUERY} runs on each group and merges; by text, so a
     * statement sent again, or a prepared one, is rewritten once.
     *
     * @throws UnsupportedMergeException when it cannot be merged exactly
     */
    public QueryMerge queryMerge(String sql) {
      return merges.get(sql, router::queryMerge);
    }

    /**
     * The statements each group runs of an INSERT whose plan says {@code Merge.SPLIT_INSERT}, with
     * keys generated where the table has a generator and the statement gives none. Not cached:
     * generated keys differ at each execution.
     *
     * @throws UnsupportedMergeException when it cannot be split exactly
     */
    public InsertSplit splitInsert(String sql) {
      return router.splitInsert(sql, keys);
    }

    /** See {@link ShardRouter#namesNoTable}. */
    public boolean namesNoTable(String sql) {
      return router.namesNoTable(sql);
    }
  }
}
