package io.shardway.server.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * A TCP relay between one driver connection and a proxy that keeps the first bytes the proxy sends,
 * so a test can see which packets the connection phase had (an AuthSwitchRequest, say) while a real
 * driver does the talking.
 */
final class HandshakeTap implements AutoCloseable {
  private static final int KEEP_BYTES = 64 * 1024;

  private final ServerSocket listener;
  private final int target;
  private final ByteArrayOutputStream fromServer = new ByteArrayOutputStream();
  private final List<Socket> sockets = new ArrayList<>();
  private final Thread acceptor;

  HandshakeTap(int targetPort) throws IOException {
    this.target = targetPort;
    this.listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    this.acceptor = new Thread(this::acceptOne, "handshake-tap");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return listener.getLocalPort();
  }

  private void acceptOne() {
    try {
      Socket client = listener.accept();
      Socket server = new Socket(InetAddress.getLoopbackAddress(), target);
      synchronized (sockets) {
        sockets.add(client);
        sockets.add(server);
      }
      pump(client.getInputStream(), server.getOutputStream(), false);
      pump(server.getInputStream(), client.getOutputStream(), true);
    } catch (IOException e) {
      // Closed by the test.
    }
  }

  private void pump(InputStream in, OutputStream out, boolean record) {
    Thread t =
        new Thread(
            () -> {
              byte[] buf = new byte[8192];
              try {
                int n;
                while ((n = in.read(buf)) >= 0) {
                  if (record) {
                    synchronized (fromServer) {
                      int keep = Math.min(n, KEEP_BYTES - fromServer.size());
                      if (keep > 0) {
                        fromServer.write(buf, 0, keep);
                      }
                    }
                  }
                  out.write(buf, 0, n);
                  out.flush();
                }
              } catch (IOException e) {
                // Either side closed.
              } finally {
                closeQuietly();
              }
            },
            "handshake-tap-pump");
    t.setDaemon(true);
    t.start();
  }

  /**
   * The first byte of each packet the proxy sent in the connection phase, up to and including the
   * first OK or ERR after the handshake (unencrypted connections only).
   */
  List<Integer> connectionPhaseHeaders() {
    byte[] bytes;
    synchronized (fromServer) {
      bytes = fromServer.toByteArray();
    }
    List<Integer> headers = new ArrayList<>();
    int at = 0;
    while (at + 4 <= bytes.length) {
      int length = (bytes[at] & 0xFF) | (bytes[at + 1] & 0xFF) << 8 | (bytes[at + 2] & 0xFF) << 16;
      if (at + 4 + length > bytes.length || length == 0) {
        break;
      }
      int first = bytes[at + 4] & 0xFF;
      headers.add(first);
      at += 4 + length;
      if (headers.size() > 1 && (first == 0x00 || first == 0xFF)) {
        break;
      }
    }
    return headers;
  }

  private void closeQuietly() {
    synchronized (sockets) {
      for (Socket s : sockets) {
        try {
          s.close();
        } catch (IOException e) {
          // closing anyway
        }
      }
    }
  }

  @Override
  public void close() throws IOException {
    listener.close();
    closeQuietly();
  }
}
