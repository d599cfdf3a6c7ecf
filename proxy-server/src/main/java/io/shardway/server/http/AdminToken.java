package io.shardway.server.http;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Guards the {@code /admin/...} pages, which show the topology and configuration: a request must
 * send {@code Authorization: Bearer TOKEN} with the configured {@code admin.token}. Without one
 * configured, those pages stay closed rather than open to anyone who reaches the port.
 */
final class AdminToken {
  private static final String BEARER = "Bearer ";

  private final byte[] expected;

  /**
   * @param token {@code admin.token}; empty when not configured
   */
  AdminToken(Optional<String> token) {
    this.expected = token.map(t -> t.getBytes(StandardCharsets.UTF_8)).orElse(null);
  }

  /** The page's answer when {@code headers} carry the token, else the refusal. */
  Answer guard(HttpHeaders headers, Supplier<Answer> page) {
    Answer refusal = refusal(headers);
    return refusal != null ? refusal : page.get();
  }

  /** The answer that refuses a request with {@code headers}, or null when it may proceed. */
  private Answer refusal(HttpHeaders headers) {
    if (expected == null) {
      return Answer.text(
          HttpResponseStatus.FORBIDDEN,
          "The /admin pages are closed: set admin.token in the configuration to open them.\n");
    }
    String authorization = headers.get(HttpHeaderNames.AUTHORIZATION);
    boolean bearer =
        authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length());
    // Compared in constant time, so the answer's timing does not tell how much of a guess was
    // right.
    if (bearer
        && MessageDigest.isEqual(
            expected,
            authorization.substring(BEARER.length()).strip().getBytes(StandardCharsets.UTF_8))) {
      return null;
    }
    return Answer.text(
            HttpResponseStatus.UNAUTHORIZED,
            "Send the admin token: Authorization: Bearer TOKEN (admin.token).\n")
        .withHeader(HttpHeaderNames.WWW_AUTHENTICATE.toString(), "Bearer realm=\"shardway\"");
  }
}
