package io.shardway.server.frontend;

import io.netty.handler.ssl.SslContext;
import io.shardway.server.session.SessionContext;

/** What every client connection's handshake needs to know about this server. */
public record Frontend(
    String serverVersion,
    int serverCollationId,
    SslContext sslContext,
    long maxAllowedPacket,
    SessionContext sessionContext) {

  AuthExchange.AuthSettings authSettings() {
    return sessionContext.auth();
  }

  int capabilities() {
    return HandshakeHandler.serverCapabilities(sslContext != null);
  }
}
