package io.shardway.server.metrics;

import java.util.Locale;

/** Why a client connection ended before it became a session: the {@code reason} label. */
public enum ConnectionRejection {
  /** The user, password or auth plugin exchange failed (MySQL's 1045 and the like). */
  AUTH,
  /** The user may not use the schema it connected with (1044), or the schema does not exist. */
  SCHEMA,
  /**
   * The client broke the protocol: a malformed handshake response, TLS asked of a server that does
   * not offer it, or a packet over {@code maxAllowedPacket}.
   */
  PROTOCOL,
  /** No handshake response within the connect timeout. */
  TIMEOUT;

  private final String label = name().toLowerCase(Locale.ROOT);

  String label() {
    return label;
  }
}
