package io.shardway.server.frontend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.netty.handler.codec.DecoderException;
import io.netty.handler.timeout.ReadTimeoutException;
import io.shardway.protocol.PacketTooLargeException;
import io.shardway.server.metrics.ConnectionRejection;
import java.io.IOException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/** Why a connection that fails before authentication counts as rejected. */
class ProtocolErrorsTest {

  @Test
  void aHandshakeThatNeverCameTimedOut() {
    assertEquals(
        ConnectionRejection.TIMEOUT, ProtocolErrors.rejection(ReadTimeoutException.INSTANCE));
  }

  @Test
  void malformedInputAndFailedTlsBreakTheProtocol() {
    assertEquals(
        ConnectionRejection.PROTOCOL,
        ProtocolErrors.rejection(new DecoderException(new PacketTooLargeException(1 << 30, 1024))));
    assertEquals(
        ConnectionRejection.PROTOCOL,
        ProtocolErrors.rejection(new DecoderException(new SSLHandshakeException("no cipher"))));
    assertEquals(
        ConnectionRejection.PROTOCOL,
        ProtocolErrors.rejection(new IllegalArgumentException("bad length")));
  }

  @Test
  void aClientThatWentAwayIsNotRejected() {
    assertNull(ProtocolErrors.rejection(new IOException("Connection reset by peer")));
  }
}
