package io.shardway.server.session;

import io.shardway.config.ReadWrite;
import io.shardway.server.frontend.AuthExchange;
import io.shardway.server.metrics.ShardwayMetrics;
import io.shardway.server.sharding.ShardedSchemas;
import io.shardway.server.topology.ShardGroups;
import java.util.concurrent.Executor;

/** The services every client session shares. */
public record SessionContext(
    ShardGroups groups,
    ShardedSchemas sharding,
    ReadWrite readWrite,
    SchemaAccess schemas,
    CollationCatalog collations,
    AuthExchange.AuthSettings auth,
    PinStatistics pins,
    SessionRegistry registry,
    LocalAnswers localAnswers,
    Executor workers,
    ShardwayMetrics metrics) {}
