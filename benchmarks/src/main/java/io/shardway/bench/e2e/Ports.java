package io.shardway.bench.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Free TCP ports on 127.0.0.1 for the servers the harness starts. */
final class Ports {
  private Ports() {}

  /** A port that was free a moment ago; the server that binds it reports if it no longer is. */
  static int free() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(Target.HOST))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot find a free port on " + Target.HOST, e);
    }
  }
}
