#!/usr/bin/env bash
# Re-records the golden captures in protocol/src/test/resources/golden from a real MariaDB server
# and real clients. Not part of the build: run it by hand, review the diff, commit the hex files.
#
# Needs: mariadb-server and mariadb-client (Debian 12: MariaDB 10.11), and MySQL Connector/J in
# the local Maven repository (./mvnw -pl testcluster dependency:resolve fetches it).
#   protocol/src/test/capture/capture.sh
# The server runs from a temporary data directory on SERVER_PORT; each scenario connects through
# CaptureRelay on RELAY_PORT, which writes one hex file and exits when the connection closes.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../../.." && pwd)"
golden="$root/protocol/src/test/resources/golden"
server_port="${SERVER_PORT:-33306}"
relay_port="${RELAY_PORT:-33307}"
connector="${CONNECTOR_J:-$(ls ~/.m2/repository/com/mysql/mysql-connector-j/*/mysql-connector-j-*.jar | tail -1)}"
work="$(mktemp -d)"

(cd "$root" && ./mvnw -B -q -pl protocol test-compile)
classes="$root/protocol/target/test-classes:$root/protocol/target/classes"

mariadb-install-db --no-defaults --user=root --datadir="$work/data" \
  --auth-root-authentication-method=socket >"$work/install.log" 2>&1
mariadbd --no-defaults --user=root --datadir="$work/data" --socket="$work/mysqld.sock" \
  --port="$server_port" --bind-address=127.0.0.1 --skip-name-resolve --skip-ssl \
  --default-time-zone=+00:00 --character-set-server=utf8mb4 \
  --pid-file="$work/mysqld.pid" >"$work/server.log" 2>&1 &
server_pid=$!
trap 'kill "$server_pid"; wait "$server_pid" || true; rm -rf "$work"' EXIT
for _ in $(seq 50); do
  [ -S "$work/mysqld.sock" ] && break
  sleep 0.2
done
mariadb --no-defaults --socket="$work/mysqld.sock" -uroot <"$here/setup.sql"
server_version="$(mariadb --no-defaults --socket="$work/mysqld.sock" -uroot -N -e 'SELECT VERSION()')"

# capture FILE DESCRIPTION CLIENT COMMAND...: records COMMAND's one connection through the relay.
capture() {
  local file="$1" description="$2" client="$3"
  shift 3
  java -cp "$classes" io.shardway.protocol.CaptureRelay "$relay_port" "$server_port" \
    "$golden/$file" "$description" "server: MariaDB $server_version" "client: $client" \
    "user shard, password secret, database shardway from setup.sql" &
  local relay_pid=$!
  sleep 1
  "$@" >"$work/$file.out" || echo "($file: client exited with $?)"
  wait "$relay_pid"
}

cli_client="mariadb CLI $(mariadb --version | sed 's/.*Distrib \([^,]*\),.*/\1/'), libmariadb"
jdbc_client="MySQL Connector/J $(basename "$connector" .jar | sed 's/mysql-connector-j-//')"
cli=(mariadb --no-defaults --ssl=0 --protocol=tcp -h127.0.0.1 -P"$relay_port" -ushard -psecret
  -Dshardway --default-character-set=utf8mb4)
jdbc="jdbc:mysql://127.0.0.1:$relay_port/shardway?user=shard&password=secret&sslMode=DISABLED"
jdbc+="&connectionTimeZone=UTC&useServerPrepStmts=true&cachePrepStmts=false"

capture cli-text-resultset.hex "text result set without CLIENT_DEPRECATE_EOF" "$cli_client" \
  "${cli[@]}" -e "SELECT id, amount, created, name, data, note FROM types ORDER BY id"
capture cli-ok-and-errors.hex "ERR 1064 and 1146, an OK packet with an info string" "$cli_client" \
  "${cli[@]}" -e "SELEC 1; SELECT * FROM no_such_table; INSERT INTO scratch VALUES (1),(2)" --force
capture cli-auth-switch.hex "client starts with caching_sha2_password, server switches it to \
mysql_native_password" "$cli_client" "${cli[@]}" --default-auth=caching_sha2_password -e "DO 1"
capture jdbc-text-resultset.hex "text result set with CLIENT_DEPRECATE_EOF" "$jdbc_client" \
  java -cp "$connector" "$here/JdbcScenario.java" "$jdbc" text
capture jdbc-binary-resultset.hex "COM_STMT_PREPARE and binary rows, CLIENT_DEPRECATE_EOF" \
  "$jdbc_client" java -cp "$connector" "$here/JdbcScenario.java" "$jdbc" binary

# No MariaDB server speaks caching_sha2_password: a stand-in sends one handshake naming it, and the
# real client's answer is the test vector.
python3 "$here/sha2_handshake.py" "$relay_port" "$golden/cli-caching-sha2-response.hex" \
  "caching_sha2_password answer of a real client (password: secret)" \
  "server: NOT a server: sha2_handshake.py's fixed handshake, scramble 0123456789abcdefghij" \
  "client: $cli_client" &
sha2_pid=$!
sleep 1
"${cli[@]}" -e "DO 1" >/dev/null 2>&1 || true
wait "$sha2_pid"
