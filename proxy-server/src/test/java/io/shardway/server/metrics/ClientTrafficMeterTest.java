package io.shardway.server.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

/** Connections and bytes, counted as a client connection's pipeline sees them. */
class ClientTrafficMeterTest {
  private final ShardwayMetrics metrics = new ShardwayMetrics();
  private final ClientTrafficMeter meter = new ClientTrafficMeter(metrics);

  private double sample(String name) {
    return metrics.registry().getSampleValue(name);
  }

  @Test
  void countsConnectionsWhileTheyAreOpenAndInTotal() {
    EmbeddedChannel first = new EmbeddedChannel(meter);
    EmbeddedChannel second = new EmbeddedChannel(meter);
    assertEquals(2.0, sample("shardway_frontend_connections"));

    first.close();

    assertEquals(1.0, sample("shardway_frontend_connections"));
    assertEquals(2.0, sample("shardway_frontend_connections_accepted_total"));
    assertFalse(second.finish());
    assertEquals(0.0, sample("shardway_frontend_connections"));
  }

  @Test
  void countsTheBytesEachWayAndPassesThemOn() {
    EmbeddedChannel channel = new EmbeddedChannel(meter);

    channel.writeInbound(Unpooled.wrappedBuffer(new byte[10]));
    channel.writeOutbound(Unpooled.wrappedBuffer(new byte[25]));
    channel.writeOutbound(Unpooled.wrappedBuffer(new byte[5]));

    assertEquals(10.0, sample("shardway_frontend_received_bytes_total"));
    assertEquals(30.0, sample("shardway_frontend_sent_bytes_total"));
    ByteBuf in = channel.readInbound();
    assertEquals(10, in.readableBytes());
    in.release();
    for (int expected : new int[] {25, 5}) {
      ByteBuf out = channel.readOutbound();
      assertEquals(expected, out.readableBytes());
      out.release();
    }
    assertFalse(channel.finish());
  }
}
