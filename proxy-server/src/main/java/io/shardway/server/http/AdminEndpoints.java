package io.shardway.server.http;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.exporter.common.TextFormat;
import io.shardway.config.Admin;
import io.shardway.config.ShardwayConfig;
import io.shardway.server.topology.ShardGroups;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The pages of the admin endpoint, by path:
 *
 * <ul>
 *   <li>{@code /health/live}: 200 while the process serves;
 *   <li>{@code /health/ready}: 200 when every shard group has a reachable writer, else 503 (see
 *       {@link Readiness});
 *   <li>{@code /metrics}: the Prometheus text format, or OpenMetrics when the scraper asks for it;
 *   <li>{@code /admin/backends} and {@code /admin/config}, which need the admin token (see {@link
 *       AdminToken}).
 * </ul>
 */
public final class AdminEndpoints {
  /** One page: its answer to a GET with these request headers. */
  interface Page {
    Answer answer(HttpHeaders headers);
  }

  private final Map<String, Page> byPath;

  public AdminEndpoints(CollectorRegistry registry, ShardGroups groups, ShardwayConfig config) {
    Readiness readiness = new Readiness(groups);
    BackendsPage backends = new BackendsPage(groups);
    ConfigPage configPage = new ConfigPage(config);
    AdminToken token = new AdminToken(config.admin().flatMap(Admin::token));
    this.byPath =
        Map.of(
            "/health/live", headers -> Answer.text(HttpResponseStatus.OK, "ok\n"),
            "/health/ready", headers -> readiness.answer(),
            "/metrics", headers -> metrics(registry, headers),
            "/admin/backends", headers -> token.guard(headers, backends::answer),
            "/admin/config", headers -> token.guard(headers, configPage::answer));
  }

  /** The page at {@code path}, or null when there is none. */
  Page find(String path) {
    return byPath.get(path);
  }

  private static Answer metrics(CollectorRegistry registry, HttpHeaders headers) {
    String contentType = TextFormat.chooseContentType(headers.get(HttpHeaderNames.ACCEPT));
    StringWriter text = new StringWriter(16 * 1024);
    try {
      // The _created series simpleclient adds to every counter and histogram double what a scrape
      // stores, and Prometheus does not read them.
      TextFormat.writeFormat(
          contentType,
          text,
          registry.filteredMetricFamilySamples(name -> !name.endsWith("_created")));
    } catch (IOException e) {
      throw new UncheckedIOException("a StringWriter failed", e);
    }
    return new Answer(HttpResponseStatus.OK, contentType, text.toString(), Map.of());
  }
}
