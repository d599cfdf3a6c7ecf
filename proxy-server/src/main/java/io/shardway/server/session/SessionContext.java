package io.shardway.server.session;

import io.shardway.server.backend.BackendPool;
import io.shardway.server.frontend.AuthExchange;
import java.util.concurrent.Executor;

/** The services every client session shares. */
public record SessionContext(
    BackendPool backend,
    SchemaAccess schemas,
    CollationCatalog collations,
    AuthExchange.AuthSettings auth,
    PinStatistics pins,
    SessionRegistry registry,
    LocalAnswers localAnswers,
    Executor workers) {}
