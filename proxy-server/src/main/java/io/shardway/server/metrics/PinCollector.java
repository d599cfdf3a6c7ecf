package io.shardway.server.metrics;

import io.prometheus.client.Collector;
import io.prometheus.client.CounterMetricFamily;
import io.prometheus.client.GaugeMetricFamily;
import io.shardway.server.session.PinReason;
import io.shardway.server.session.PinStatistics;
import java.util.List;
import java.util.Locale;

/**
 * Why sessions stop sharing backend connections, read at scrape time: {@code
 * shardway_sessions_pinned{reason}}, the sessions each {@link PinReason} pins now, and {@code
 * shardway_session_pins_total{reason}}, how often it pinned one since start. {@code SHOW SHARDWAY
 * PINS} answers the same.
 */
public final class PinCollector extends Collector {
  private static final List<String> REASON = List.of("reason");

  private final PinStatistics pins;

  public PinCollector(PinStatistics pins) {
    this.pins = pins;
  }

  @Override
  public List<MetricFamilySamples> collect() {
    GaugeMetricFamily now =
        new GaugeMetricFamily(
            "shardway_sessions_pinned",
            "Sessions pinned to their backend connection now, by reason.",
            REASON);
    CounterMetricFamily total =
        new CounterMetricFamily(
            "shardway_session_pins", "Times a session was pinned since start, by reason.", REASON);
    for (PinReason reason : PinReason.values()) {
      List<String> label = List.of(reason.name().toLowerCase(Locale.ROOT));
      now.addMetric(label, pins.current(reason));
      total.addMetric(label, pins.total(reason));
    }
    return List.of(now, total);
  }
}
