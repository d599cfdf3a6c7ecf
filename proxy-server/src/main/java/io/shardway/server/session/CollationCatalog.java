package io.shardway.server.session;

import java.util.Map;

/**
 * Collation ids to names, as the backend knows them. A client names its character set by collation
 * id in the handshake and in COM_CHANGE_USER; Shardway replays it by name with SET NAMES.
 */
public final class CollationCatalog {
  private static final Collation FALLBACK = new Collation(45, "utf8mb4_general_ci", "utf8mb4");

  private final Map<Integer, Collation> byId;

  public CollationCatalog(Map<Integer, Collation> byId) {
    this.byId = Map.copyOf(byId);
  }

  /**
   * The collation with this id. An id the backend does not know (MySQL 8's 255, utf8mb4_0900_ai_ci,
   * against MariaDB, say) falls back to its character set's default when that can be told from the
   * id, else to utf8mb4.
   */
  public Collation byId(int id) {
    Collation known = byId.get(id);
    if (known != null) {
      return known;
    }
    if (id >= 255 && id <= 323) {
      // MySQL 8's utf8mb4_0900_* range.
      return new Collation(id, null, "utf8mb4");
    }
    return FALLBACK;
  }
}
