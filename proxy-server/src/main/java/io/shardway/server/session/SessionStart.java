package io.shardway.server.session;

import io.shardway.config.User;

/** What the handshake established: who, from where, with which capabilities and schema. */
public record SessionStart(
    User user, String host, int capabilities, int collationId, String schema, byte[] scramble) {}
