package io.shardway.protocol;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Records the golden captures under {@code src/test/resources/golden}: a TCP relay between one real
 * client and a real server that writes every frame it passes on as {@code <C|S> <annotation>:
 * <hex>}. Not a test and not run by the build; {@code src/test/capture/capture.sh} starts it once
 * per scenario. It accepts one connection, relays it until both sides close, and labels each packet
 * with a small model of the conversation ({@link Annotator}); the labels only tell the golden tests
 * which codec to use, so they are reviewed by hand after a capture.
 *
 * <p>Usage: {@code CaptureRelay <listen-port> <server-port> <out-file> [comment line]...}
 */
public final class CaptureRelay {
  private final List<String> lines = new ArrayList<>();
  private final Annotator annotator = new Annotator();

  public static void main(String[] args) throws Exception {
    int listenPort = Integer.parseInt(args[0]);
    int serverPort = Integer.parseInt(args[1]);
    Path out = Path.of(args[2]);
    CaptureRelay relay = new CaptureRelay();
    for (int i = 3; i < args.length; i++) {
      relay.lines.add("# " + args[i]);
    }
    InetAddress loopback = InetAddress.getLoopbackAddress();
    try (ServerSocket listener = new ServerSocket(listenPort, 1, loopback);
        Socket client = listener.accept();
        Socket server = new Socket(loopback, serverPort)) {
      Thread up = pump(relay, 'C', client.getInputStream(), server.getOutputStream(), server);
      Thread down = pump(relay, 'S', server.getInputStream(), client.getOutputStream(), client);
      up.join();
      down.join();
    }
    try (PrintWriter writer =
        new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
      relay.lines.forEach(writer::println);
    }
  }

  private static Thread pump(
      CaptureRelay relay, char direction, InputStream in, OutputStream out, Socket peer) {
    Thread thread =
        new Thread(
            () -> {
              ByteArrayOutputStream pending = new ByteArrayOutputStream();
              byte[] chunk = new byte[65536];
              try {
                for (int n; (n = in.read(chunk)) > 0; ) {
                  // Log before forwarding, so the reply cannot overtake the packet it answers.
                  pending.write(chunk, 0, n);
                  relay.frames(direction, pending);
                  out.write(chunk, 0, n);
                  out.flush();
                }
              } catch (IOException e) {
                // The other side closed; fall through and close ours.
              }
              try {
                peer.shutdownOutput();
              } catch (IOException ignored) {
                // Already closed.
              }
            });
    thread.start();
    return thread;
  }

  /** Takes the complete frames off the front of {@code pending} and logs them. */
  private synchronized void frames(char direction, ByteArrayOutputStream pending) {
    byte[] bytes = pending.toByteArray();
    int offset = 0;
    while (bytes.length - offset >= 4) {
      int length =
          (bytes[offset] & 0xFF)
              | (bytes[offset + 1] & 0xFF) << 8
              | (bytes[offset + 2] & 0xFF) << 16;
      if (bytes.length - offset < 4 + length) {
        break;
      }
      byte[] payload = new byte[length];
      System.arraycopy(bytes, offset + 4, payload, 0, length);
      String label = direction == 'C' ? annotator.client(payload) : annotator.server(payload);
      lines.add(
          direction
              + " "
              + label
              + ": "
              + HexFormat.of().formatHex(bytes, offset, offset + 4 + length));
      offset += 4 + length;
    }
    pending.reset();
    pending.write(bytes, offset, bytes.length - offset);
  }

  /** Follows the conversation far enough to name each packet; one connection, no pipelining. */
  static final class Annotator {
    private enum Expect {
      HANDSHAKE,
      RESPONSE,
      AUTH,
      COMMAND,
      SIMPLE,
      RESULT,
      ROWS
    }

    private Expect expect = Expect.HANDSHAKE;
    private int serverCapabilities;
    private int clientCapabilities;
    private boolean binaryRows;
    private boolean prepare;
    private final ArrayDeque<String> definitions = new ArrayDeque<>();

    String client(byte[] p) {
      if (expect == Expect.RESPONSE) {
        clientCapabilities = le(p, 0, 4);
        expect = Expect.AUTH;
        return p.length == 32 ? "ssl-request" : "handshake-response";
      }
      if (expect == Expect.AUTH) {
        return "auth-switch-response";
      }
      int command = p[0] & 0xFF;
      binaryRows = command == CommandType.COM_STMT_EXECUTE;
      prepare = command == CommandType.COM_STMT_PREPARE;
      expect =
          switch (command) {
            case CommandType.COM_QUERY,
                CommandType.COM_STMT_EXECUTE,
                CommandType.COM_STMT_PREPARE ->
                Expect.RESULT;
            case CommandType.COM_STMT_CLOSE,
                CommandType.COM_QUIT,
                CommandType.COM_STMT_SEND_LONG_DATA ->
                Expect.COMMAND;
            default -> Expect.SIMPLE;
          };
      return CommandType.name(command).toLowerCase(Locale.ROOT).replace('_', '-');
    }

    String server(byte[] p) {
      int first = p.length == 0 ? -1 : p[0] & 0xFF;
      if (!definitions.isEmpty()) {
        String label = definitions.poll();
        if (definitions.isEmpty()) {
          expect = prepare ? Expect.COMMAND : Expect.ROWS;
        }
        return label;
      }
      switch (expect) {
        case HANDSHAKE:
          serverCapabilities = le(p, handshakeCapabilitiesAt(p), 2);
          serverCapabilities |= le(p, handshakeCapabilitiesAt(p) + 5, 2) << 16;
          expect = Expect.RESPONSE;
          return "handshake-v10";
        case AUTH:
          if (first == 0x00) {
            expect = Expect.COMMAND;
            return "ok";
          }
          return first == 0xFF ? "err" : first == 0xFE ? "auth-switch-request" : "auth-more-data";
        case SIMPLE:
          expect = Expect.COMMAND;
          return first == 0xFF ? "err" : "ok";
        case RESULT:
          return firstResultPacket(p, first);
        case ROWS:
          if (first == 0xFF) {
            expect = Expect.COMMAND;
            return "err";
          }
          if (first == 0xFE && p.length < (deprecateEof() ? 0xFF_FFFF : 9)) {
            return deprecateEof() ? endOf(okStatus(p), "ok-eof") : endOf(le(p, 3, 2), "eof");
          }
          return binaryRows ? "binary-row" : "text-row";
        default:
          return "unexpected";
      }
    }

    private String firstResultPacket(byte[] p, int first) {
      if (first == 0xFF) {
        expect = Expect.COMMAND;
        return "err";
      }
      if (prepare) {
        int columns = le(p, 5, 2);
        int params = le(p, 7, 2);
        definitions(params, "param-definition");
        definitions(columns, "column-definition");
        expect = Expect.COMMAND;
        return "stmt-prepare-ok";
      }
      if (first == 0x00) {
        return endOf(okStatus(p), "ok");
      }
      definitions((int) lenenc(p), "column-definition");
      return "column-count";
    }

    private void definitions(int count, String label) {
      for (int i = 0; i < count; i++) {
        definitions.add(label);
      }
      if (count > 0 && !deprecateEof()) {
        definitions.add("eof");
      }
    }

    /** An OK or EOF ends the command unless the server says more results follow. */
    private String endOf(int status, String label) {
      expect = (status & ServerStatus.MORE_RESULTS_EXISTS) == 0 ? Expect.COMMAND : Expect.RESULT;
      return label;
    }

    private boolean deprecateEof() {
      return (serverCapabilities & clientCapabilities & CapabilityFlags.CLIENT_DEPRECATE_EOF) != 0;
    }

    private static int okStatus(byte[] p) {
      int at = 1 + lenencSize(p, 1);
      return le(p, at + lenencSize(p, at), 2);
    }

    private static int handshakeCapabilitiesAt(byte[] p) {
      int nul = 1;
      while (p[nul] != 0) {
        nul++;
      }
      return nul + 1 + 4 + 8 + 1;
    }

    private static long lenenc(byte[] p) {
      int first = p[0] & 0xFF;
      return first < 0xFB ? first : le(p, 1, lenencSize(p, 0) - 1);
    }

    private static int lenencSize(byte[] p, int at) {
      int first = p[at] & 0xFF;
      return first < 0xFB ? 1 : first == 0xFC ? 3 : first == 0xFD ? 4 : 9;
    }

    private static int le(byte[] p, int at, int size) {
      int value = 0;
      for (int i = Math.min(size, 4) - 1; i >= 0; i--) {
        value = value << 8 | (p[at + i] & 0xFF);
      }
      return value;
    }
  }
}
