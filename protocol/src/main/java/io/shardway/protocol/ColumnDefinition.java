package io.shardway.protocol;

import io.netty.buffer.ByteBuf;
import java.util.Arrays;
import java.util.Objects;

/**
 * A column definition (Protocol::ColumnDefinition41) as sent before the rows of a result set and in
 * the reply to COM_STMT_PREPARE. {@code type} is the MySQL field type code (see {@link
 * ColumnType}); {@code flags} the column flags (NOT_NULL 0x01, PRI_KEY 0x02, UNSIGNED 0x20, BINARY
 * 0x80, ...).
 *
 * <p>{@code extendedMetadata} is null unless client and server negotiated MariaDB's {@link
 * CapabilityFlags#MARIADB_CLIENT_EXTENDED_METADATA}; then it holds the raw string&lt;lenenc&gt; a
 * MariaDB server sends after the original column name (chunks of type byte, length byte and value,
 * e.g. format name "json"), often empty.
 */
public record ColumnDefinition(
    String schema,
    String table,
    String originalTable,
    String name,
    String originalName,
    int characterSet,
    long columnLength,
    int type,
    int flags,
    int decimals,
    byte[] extendedMetadata) {
  private static final String CATALOG = "def";
  private static final int FIXED_FIELDS_LENGTH = 0x0C;

  public ColumnDefinition {
    extendedMetadata = extendedMetadata == null ? null : extendedMetadata.clone();
  }

  /** A column definition without MariaDB's extended metadata. */
  public ColumnDefinition(
      String schema,
      String table,
      String originalTable,
      String name,
      String originalName,
      int characterSet,
      long columnLength,
      int type,
      int flags,
      int decimals) {
    this(
        schema,
        table,
        originalTable,
        name,
        originalName,
        characterSet,
        columnLength,
        type,
        flags,
        decimals,
        null);
  }

  @Override
  public byte[] extendedMetadata() {
    return extendedMetadata == null ? null : extendedMetadata.clone();
  }

  public boolean isUnsigned() {
    return (flags & ColumnType.FLAG_UNSIGNED) != 0;
  }

  /** Decodes a column definition sent without MariaDB's extended metadata. */
  public static ColumnDefinition decode(ByteBuf in) {
    return decode(in, false);
  }

  /**
   * Decodes a column definition; {@code extendedMetadata} says whether the connection negotiated
   * {@link CapabilityFlags#MARIADB_CLIENT_EXTENDED_METADATA}, which the bytes cannot tell.
   */
  public static ColumnDefinition decode(ByteBuf in, boolean extendedMetadata) {
    PacketBuffers.readLenencString(in); // catalog, always "def"
    String schema = PacketBuffers.readLenencString(in);
    String table = PacketBuffers.readLenencString(in);
    String originalTable = PacketBuffers.readLenencString(in);
    String name = PacketBuffers.readLenencString(in);
    String originalName = PacketBuffers.readLenencString(in);
    byte[] metadata = extendedMetadata ? PacketBuffers.readLenencBytes(in) : null;
    PacketBuffers.readLenencInt(in); // length of the fixed fields, always 0x0C
    int charset = in.readUnsignedShortLE();
    long length = in.readUnsignedIntLE();
    int type = in.readUnsignedByte();
    int flags = in.readUnsignedShortLE();
    int decimals = in.readUnsignedByte();
    in.skipBytes(Math.min(2, in.readableBytes()));
    return new ColumnDefinition(
        schema,
        table,
        originalTable,
        name,
        originalName,
        charset,
        length,
        type,
        flags,
        decimals,
        metadata);
  }

  /** Writes the definition; the extended metadata only where it is not null. */
  public void encode(ByteBuf out) {
    PacketBuffers.writeLenencString(out, CATALOG);
    PacketBuffers.writeLenencString(out, schema);
    PacketBuffers.writeLenencString(out, table);
    PacketBuffers.writeLenencString(out, originalTable);
    PacketBuffers.writeLenencString(out, name);
    PacketBuffers.writeLenencString(out, originalName);
    if (extendedMetadata != null) {
      PacketBuffers.writeLenencBytes(out, extendedMetadata);
    }
    PacketBuffers.writeLenencInt(out, FIXED_FIELDS_LENGTH);
    out.writeShortLE(characterSet);
    out.writeIntLE((int) columnLength);
    out.writeByte(type);
    out.writeShortLE(flags);
    out.writeByte(decimals);
    out.writeShortLE(0);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ColumnDefinition c
        && Objects.equals(schema, c.schema)
        && Objects.equals(table, c.table)
        && Objects.equals(originalTable, c.originalTable)
        && Objects.equals(name, c.name)
        && Objects.equals(originalName, c.originalName)
        && characterSet == c.characterSet
        && columnLength == c.columnLength
        && type == c.type
        && flags == c.flags
        && decimals == c.decimals
        && Arrays.equals(extendedMetadata, c.extendedMetadata);
  }

  @Override
  public int hashCode() {
    return Objects.hash(table, name, type);
  }

  @Override
  public String toString() {
    return "ColumnDefinition("
        + (table.isEmpty() ? "" : table + ".")
        + name
        + ", type=0x"
        + Integer.toHexString(type)
        + ", flags=0x"
        + Integer.toHexString(flags)
        + ", charset="
        + characterSet
        + ")";
  }
}
