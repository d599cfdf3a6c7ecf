package io.shardway.protocol;

/**
 * The capability flags of the handshake, as numbered by the MySQL client/server protocol. The
 * server announces what it supports; the client answers with what it will use; both then speak the
 * intersection.
 */
public final class CapabilityFlags {
  public static final int CLIENT_LONG_PASSWORD = 1;
  public static final int CLIENT_FOUND_ROWS = 1 << 1;
  public static final int CLIENT_LONG_FLAG = 1 << 2;
  public static final int CLIENT_CONNECT_WITH_DB = 1 << 3;
  public static final int CLIENT_NO_SCHEMA = 1 << 4;
  public static final int CLIENT_COMPRESS = 1 << 5;
  public static final int CLIENT_ODBC = 1 << 6;
  public static final int CLIENT_LOCAL_FILES = 1 << 7;
  public static final int CLIENT_IGNORE_SPACE = 1 << 8;
  public static final int CLIENT_PROTOCOL_41 = 1 << 9;
  public static final int CLIENT_INTERACTIVE = 1 << 10;
  public static final int CLIENT_SSL = 1 << 11;
  public static final int CLIENT_IGNORE_SIGPIPE = 1 << 12;
  public static final int CLIENT_TRANSACTIONS = 1 << 13;
  public static final int CLIENT_RESERVED = 1 << 14;
  public static final int CLIENT_SECURE_CONNECTION = 1 << 15;
  public static final int CLIENT_MULTI_STATEMENTS = 1 << 16;
  public static final int CLIENT_MULTI_RESULTS = 1 << 17;
  public static final int CLIENT_PS_MULTI_RESULTS = 1 << 18;
  public static final int CLIENT_PLUGIN_AUTH = 1 << 19;
  public static final int CLIENT_CONNECT_ATTRS = 1 << 20;
  public static final int CLIENT_PLUGIN_AUTH_LENENC_CLIENT_DATA = 1 << 21;
  public static final int CLIENT_CAN_HANDLE_EXPIRED_PASSWORDS = 1 << 22;
  public static final int CLIENT_SESSION_TRACK = 1 << 23;
  public static final int CLIENT_DEPRECATE_EOF = 1 << 24;

  /**
   * MariaDB calls bit 0 CLIENT_MYSQL: a server or client that clears it speaks MariaDB's extended
   * capabilities, carried in the last 4 filler bytes of the handshake and the handshake response
   * (bits 32 to 63 of MariaDB's 64-bit flags; the constants below are numbered within those 4
   * bytes).
   */
  public static final int CLIENT_MYSQL = CLIENT_LONG_PASSWORD;

  /** MariaDB extended capability: progress reports (ERR packets with code 0xFFFF). */
  public static final int MARIADB_CLIENT_PROGRESS = 1;

  /** MariaDB extended capability: COM_STMT_BULK_EXECUTE. */
  public static final int MARIADB_CLIENT_STMT_BULK_OPERATIONS = 1 << 2;

  /**
   * MariaDB extended capability: column definitions carry an extra string<lenenc> of type metadata
   * after the original column name (see {@link ColumnDefinition#extendedMetadata}).
   */
  public static final int MARIADB_CLIENT_EXTENDED_METADATA = 1 << 3;

  /** MariaDB extended capability: COM_STMT_EXECUTE may skip resending column definitions. */
  public static final int MARIADB_CLIENT_CACHE_METADATA = 1 << 4;

  /** MySQL 8.0.23+: COM_QUERY and COM_STMT_EXECUTE carry query attributes. */
  public static final int CLIENT_QUERY_ATTRIBUTES = 1 << 27;

  /**
   * What Shardway offers every client. Compression, LOCAL INFILE, session tracking and query
   * attributes are deliberately absent: the proxy does not implement them, and a client only uses
   * what the server offered.
   */
  public static final int SERVER_DEFAULT =
      CLIENT_LONG_PASSWORD
          | CLIENT_FOUND_ROWS
          | CLIENT_LONG_FLAG
          | CLIENT_CONNECT_WITH_DB
          | CLIENT_NO_SCHEMA
          | CLIENT_ODBC
          | CLIENT_IGNORE_SPACE
          | CLIENT_PROTOCOL_41
          | CLIENT_INTERACTIVE
          | CLIENT_IGNORE_SIGPIPE
          | CLIENT_TRANSACTIONS
          | CLIENT_RESERVED
          | CLIENT_SECURE_CONNECTION
          | CLIENT_MULTI_STATEMENTS
          | CLIENT_MULTI_RESULTS
          | CLIENT_PS_MULTI_RESULTS
          | CLIENT_PLUGIN_AUTH
          | CLIENT_CONNECT_ATTRS
          | CLIENT_PLUGIN_AUTH_LENENC_CLIENT_DATA
          | CLIENT_CAN_HANDLE_EXPIRED_PASSWORDS
          | CLIENT_DEPRECATE_EOF;

  private CapabilityFlags() {}

  public static boolean has(int capabilities, int flag) {
    return (capabilities & flag) != 0;
  }
}
