package io.shardway.protocol;

/** The first byte of every command packet a client sends. */
public final class CommandType {
  public static final int COM_SLEEP = 0x00;
  public static final int COM_QUIT = 0x01;
  public static final int COM_INIT_DB = 0x02;
  public static final int COM_QUERY = 0x03;
  public static final int COM_FIELD_LIST = 0x04;
  public static final int COM_STATISTICS = 0x09;
  public static final int COM_PING = 0x0E;
  public static final int COM_CHANGE_USER = 0x11;
  public static final int COM_STMT_PREPARE = 0x16;
  public static final int COM_STMT_EXECUTE = 0x17;
  public static final int COM_STMT_SEND_LONG_DATA = 0x18;
  public static final int COM_STMT_CLOSE = 0x19;
  public static final int COM_STMT_RESET = 0x1A;
  public static final int COM_SET_OPTION = 0x1B;
  public static final int COM_STMT_FETCH = 0x1C;
  public static final int COM_RESET_CONNECTION = 0x1F;

  private CommandType() {}

  /** A readable name for logs and error messages. */
  public static String name(int command) {
    switch (command) {
      case COM_SLEEP:
        return "COM_SLEEP";
      case COM_QUIT:
        return "COM_QUIT";
      case COM_INIT_DB:
        return "COM_INIT_DB";
      case COM_QUERY:
        return "COM_QUERY";
      case COM_FIELD_LIST:
        return "COM_FIELD_LIST";
      case COM_STATISTICS:
        return "COM_STATISTICS";
      case COM_PING:
        return "COM_PING";
      case COM_CHANGE_USER:
        return "COM_CHANGE_USER";
      case COM_STMT_PREPARE:
        return "COM_STMT_PREPARE";
      case COM_STMT_EXECUTE:
        return "COM_STMT_EXECUTE";
      case COM_STMT_SEND_LONG_DATA:
        return "COM_STMT_SEND_LONG_DATA";
      case COM_STMT_CLOSE:
        return "COM_STMT_CLOSE";
      case COM_STMT_RESET:
        return "COM_STMT_RESET";
      case COM_SET_OPTION:
        return "COM_SET_OPTION";
      case COM_STMT_FETCH:
        return "COM_STMT_FETCH";
      case COM_RESET_CONNECTION:
        return "COM_RESET_CONNECTION";
      default:
        return "command 0x" + Integer.toHexString(command);
    }
  }
}
