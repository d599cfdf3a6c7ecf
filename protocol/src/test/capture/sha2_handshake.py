"""Records a real client's caching_sha2_password answer, for capture.sh.

MariaDB has no server side for caching_sha2_password, so this stands in for a server for one
packet: it sends a HandshakeV10 naming that plugin with a fixed scramble, records the client's
HandshakeResponse41 (computed by the client's own caching_sha2_password plugin) and hangs up.
Usage: sha2_handshake.py PORT OUT_FILE COMMENT...
"""
import socket
import struct
import sys

SCRAMBLE = b"0123456789abcdefghij"
CAPABILITIES = 0x81FFF7FF  # MariaDB 10.11's offer, with CLIENT_MYSQL set: no extended capabilities


def frame(sequence_id, payload):
    return struct.pack("<I", len(payload))[:3] + bytes([sequence_id]) + payload


def main():
    port, out, comments = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
    handshake = bytes([10]) + b"8.0.40-handshake-only\0" + struct.pack("<I", 1) + SCRAMBLE[:8]
    handshake += b"\0" + struct.pack("<HBHH", CAPABILITIES & 0xFFFF, 45, 2, CAPABILITIES >> 16)
    handshake += bytes([21]) + bytes(10) + SCRAMBLE[8:] + b"\0caching_sha2_password\0"
    with socket.create_server(("127.0.0.1", port)) as listener:
        client, _ = listener.accept()
        with client:
            client.sendall(frame(0, handshake))
            data = b""
            while len(data) < 4 or len(data) < 4 + int.from_bytes(data[:3], "little"):
                chunk = client.recv(65536)
                if not chunk:
                    break
                data += chunk
    with open(out, "w") as f:
        for comment in comments:
            f.write("# " + comment + "\n")
        f.write("S handshake-v10: " + frame(0, handshake).hex() + "\n")
        f.write("C handshake-response: " + data.hex() + "\n")


main()
