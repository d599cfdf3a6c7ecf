package io.shardway.server.session;

import java.util.Collection;
import java.util.Collections;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The open client sessions, by connection id, for administration. */
public final class SessionRegistry {
  private final ConcurrentMap<Long, ClientSession> sessions = new ConcurrentHashMap<>();

  void add(ClientSession session) {
    sessions.put(session.connectionId(), session);
  }

  void remove(ClientSession session) {
    sessions.remove(session.connectionId(), session);
  }

  public Collection<ClientSession> sessions() {
    return Collections.unmodifiableCollection(sessions.values());
  }

  public int size() {
    return sessions.size();
  }
}
