package io.shardway.server.http;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an admin page answers: a status, a body of text and its type, and the headers particular to
 * the answer ({@code Allow}, {@code WWW-Authenticate}).
 */
record Answer(
    HttpResponseStatus status, String contentType, String body, Map<String, String> headers) {
  static final String TEXT = "text/plain; charset=utf-8";
  static final String JSON = "application/json";

  Answer {
    headers = Map.copyOf(headers);
  }

  static Answer text(HttpResponseStatus status, String body) {
    return new Answer(status, TEXT, body, Map.of());
  }

  static Answer json(HttpResponseStatus status, Object tree) {
    return new Answer(status, JSON, Json.write(tree) + "\n", Map.of());
  }

  Answer withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new Answer(status, contentType, body, more);
  }
}
