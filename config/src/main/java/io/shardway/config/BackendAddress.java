package io.shardway.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One backend MySQL server, written {@code mysql://host:port?key=value&...}.
 *
 * <p>The port defaults to {@value #DEFAULT_PORT}; an IPv6 host is written in brackets ({@code
 * mysql://[::1]:3306}) and kept without them. The options are JDBC properties passed to the backend
 * driver as written (no percent-decoding), e.g. {@code ?sslMode=REQUIRED&connectTimeout=2000}.
 *
 * @param host the host name or address, without brackets
 * @param port the TCP port, 1 to 65535
 * @param options the JDBC properties, in the order written
 */
public record BackendAddress(String host, int port, Map<String, String> options) {

  /** The port used when the address has none, MySQL's. */
  public static final int DEFAULT_PORT = 3306;

  private static final Pattern ADDRESS =
      Pattern.compile(
          "mysql://(?:\\[(?<ipv6>[0-9A-Fa-f:.]+)]|(?<host>[^\\s:/?#@\\[\\]]+))"
              + "(?::(?<port>\\d{1,5}))?(?:\\?(?<options>.*))?");

  private static final Pattern OPTION = Pattern.compile("(?<key>[^=&]+)=(?<value>[^&]*)");

  /**
   * Checks the arguments and copies the map, keeping its order.
   *
   * @throws IllegalArgumentException if {@code port} is not between 1 and 65535
   */
  public BackendAddress {
    Objects.requireNonNull(host, "host");
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port must be between 1 and 65535, got " + port);
    }
    options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
  }

  /**
   * Parses {@code mysql://host[:port][?key=value&...]}.
   *
   * @throws IllegalArgumentException if {@code text} is not such an address; the message quotes it
   */
  public static BackendAddress parse(String text) {
    Objects.requireNonNull(text, "text");
    Matcher matcher = ADDRESS.matcher(text);
    if (!matcher.matches()) {
      throw new IllegalArgumentException("expected mysql://host:port, got \"" + text + "\"");
    }
    String host = matcher.group("ipv6") != null ? matcher.group("ipv6") : matcher.group("host");
    int port =
        matcher.group("port") == null ? DEFAULT_PORT : Integer.parseInt(matcher.group("port"));
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port must be between 1 and 65535, got \"" + text + "\"");
    }
    String options = matcher.group("options");
    return new BackendAddress(host, port, options == null ? Map.of() : options(options, text));
  }

  private static Map<String, String> options(String query, String text) {
    Map<String, String> options = new LinkedHashMap<>();
    for (String pair : query.split("&", -1)) {
      Matcher option = OPTION.matcher(pair);
      if (!option.matches()) {
        throw new IllegalArgumentException(
            "expected options as key=value&key=value, got \"" + text + "\"");
      }
      if (options.put(option.group("key"), option.group("value")) != null) {
        throw new IllegalArgumentException(
            "duplicate option \"" + option.group("key") + "\" in \"" + text + "\"");
      }
    }
    return options;
  }

  /** Returns {@code mysql://host:port}, without the options, which may hold secrets. */
  @Override
  public String toString() {
    return "mysql://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }
}
