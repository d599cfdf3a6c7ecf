package io.shardway.server.session;

import io.shardway.config.ReadWrite;
import io.shardway.server.frontend.AuthExchange;
import io.shardway.server.topology.BackendGroup;
import java.util.concurrent.Executor;

/** The services every client session shares. */
public record SessionContext(
    BackendGroup group,
    ReadWrite readWrite,
    SchemaAccess schemas,
    CollationCatalog collations,
    AuthExchange.AuthSettings auth,
    PinStatistics pins,
    SessionRegistry registry,
    LocalAnswers localAnswers,
    Executor workers) {}
