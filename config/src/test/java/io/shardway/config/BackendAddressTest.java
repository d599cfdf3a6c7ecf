package io.shardway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BackendAddressTest {

  @Test
  void parsesHostAndPort() {
    assertEquals(
        new BackendAddress("db-0.example", 3307, Map.of()),
        BackendAddress.parse("mysql://db-0.example:3307"));
  }

  @Test
  void defaultsThePort() {
    assertEquals(new BackendAddress("db", 3306, Map.of()), BackendAddress.parse("mysql://db"));
  }

  @Test
  void keepsOptionsInOrder() {
    BackendAddress address =
        BackendAddress.parse("mysql://db:3306?useSSL=true&connectTimeout=2000&empty=");

    assertEquals(
        List.of("useSSL=true", "connectTimeout=2000", "empty="),
        address.options().entrySet().stream().map(Object::toString).toList());
  }

  @Test
  void writesIpv6HostsInBrackets() {
    BackendAddress address = BackendAddress.parse("mysql://[::1]:3306");

    assertEquals("::1", address.host());
    assertEquals("mysql://[::1]:3306", address.toString());
  }

  @Test
  void toStringLeavesOptionsOut() {
    assertEquals("mysql://db:3306", BackendAddress.parse("mysql://db?sslMode=REQUIRED").toString());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "db:abc",
        "db:3306",
        "mysql://",
        "mysql://db:",
        "mysql://db:abc",
        "mysql://db:3306/appdb",
        "mysql://user@db:3306",
        "jdbc:mysql://db:3306",
        "mysql://db:123456"
      })
  void rejectsWhatIsNotAnAddress(String text) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> BackendAddress.parse(text));

    assertEquals("expected mysql://host:port, got \"" + text + "\"", e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"mysql://db:0", "mysql://db:65536"})
  void rejectsPortsOutOfRange(String text) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> BackendAddress.parse(text));

    assertEquals("port must be between 1 and 65535, got \"" + text + "\"", e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"mysql://db?novalue", "mysql://db?a=1&&b=2", "mysql://db?=x"})
  void rejectsMalformedOptions(String text) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> BackendAddress.parse(text));

    assertEquals("expected options as key=value&key=value, got \"" + text + "\"", e.getMessage());
  }

  @Test
  void rejectsRepeatedOptions() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> BackendAddress.parse("mysql://db?a=1&a=2"));

    assertEquals("duplicate option \"a\" in \"mysql://db?a=1&a=2\"", e.getMessage());
  }
}
