package io.shardway.protocol;

import io.netty.buffer.ByteBuf;
import java.util.Arrays;

/**
 * Asks the client to authenticate again with another plugin (Protocol::AuthSwitchRequest). The
 * scramble is sent NUL-terminated, as MySQL and MariaDB servers do; {@link #decode} drops that NUL
 * again, so {@code pluginData} is the bare scramble either way.
 */
public record AuthSwitchRequest(String pluginName, byte[] pluginData) {
  public static final int HEADER = 0xFE;

  public AuthSwitchRequest {
    pluginData = pluginData.clone();
  }

  @Override
  public byte[] pluginData() {
    return pluginData.clone();
  }

  /** Decodes an auth switch request whose header byte is still unread. */
  public static AuthSwitchRequest decode(ByteBuf payload) {
    payload.skipBytes(1);
    String plugin = PacketBuffers.readNulString(payload);
    byte[] data = PacketBuffers.readRestBytes(payload);
    if (data.length > 0 && data[data.length - 1] == 0) {
      data = Arrays.copyOf(data, data.length - 1);
    }
    return new AuthSwitchRequest(plugin, data);
  }

  public void encode(ByteBuf out) {
    out.writeByte(HEADER);
    PacketBuffers.writeNulString(out, pluginName);
    out.writeBytes(pluginData);
    out.writeByte(0);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AuthSwitchRequest r
        && pluginName.equals(r.pluginName)
        && Arrays.equals(pluginData, r.pluginData);
  }

  @Override
  public int hashCode() {
    return pluginName.hashCode() * 31 + Arrays.hashCode(pluginData);
  }

  @Override
  public String toString() {
    return "AuthSwitchRequest(" + pluginName + ", " + pluginData.length + " bytes)";
  }
}
