package io.github.alertrouter.silence;

import io.github.alertrouter.config.Silence;
import io.github.alertrouter.route.MatcherSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The silences in force: those of the configuration, plus any {@link #add added} or
 * {@link #expire expired} at run time. Answers which silences mute a label set at an instant.
 *
 * <p>A silence mutes a label set at {@code at} when {@code startsAt <= at < endsAt} and every one of
 * its matchers holds, with Alertmanager's matcher semantics ({@link MatcherSet}: a missing label
 * is {@code ""}, so {@code team neq ""} needs a non-empty {@code team}; regexes are RE2, fully
 * anchored). Silences are kept, and reported, in id order ({@link String#compareTo}); ended ones are
 * kept too, so {@link #silences()} also shows what was expired.
 *
 * <p>Thread-safe. Queries read an immutable snapshot through one volatile read and never block;
 * changes (rare) are serialised and publish a new snapshot, so a query sees each change entirely
 * or not at all. With no silences, {@link #silencedBy} allocates nothing. No argument may be
 * {@code null}.
 */
public final class Silencer {
  private final Object writeLock = new Object();
  private volatile Snapshot snapshot;

  private Silencer(Snapshot snapshot) {
    this.snapshot = snapshot;
  }

  /**
   * A silencer holding {@code silences} (typically {@code RouterConfig.silences()}).
   *
   * @throws IllegalArgumentException if two silences share an id (the config validator reports
   *     this with its path; here it names the id)
   * @throws NullPointerException if {@code silences} or an element is {@code null}
   */
  public static Silencer of(Collection<Silence> silences) {
    TreeMap<String, Compiled> byId = new TreeMap<>();
    for (Silence s : Objects.requireNonNull(silences, "silences")) {
      Objects.requireNonNull(s, "silence");
      if (byId.putIfAbsent(s.id(), Compiled.of(s)) != null) {
        throw new IllegalArgumentException("duplicate silence id \"" + s.id() + "\"");
      }
    }
    return new Silencer(new Snapshot(byId));
  }

  /**
   * Adds {@code silence}, replacing the one with the same id if there is one (as updating a
   * silence in Alertmanager's API does, minus its new-id-on-change rule: ids here are the user's).
   */
  public void add(Silence silence) {
    Objects.requireNonNull(silence, "silence");
    synchronized (writeLock) {
      TreeMap<String, Compiled> byId = snapshot.copyById();
      byId.put(silence.id(), Compiled.of(silence));
      snapshot = new Snapshot(byId);
    }
  }

  /**
   * Ends the silence {@code id} at {@code at}: from {@code at} on it mutes nothing.
   *
   * <p>One that has already ended ({@code endsAt <= at}) is left as it is. One that is active
   * gets {@code endsAt = at}. One that has not started ({@code startsAt >= at}) would be left
   * with an empty window, which a {@link Silence} cannot hold, so it is removed: it never took
   * effect (Alertmanager instead keeps it with {@code startsAt = endsAt = now}).
   *
   * @throws IllegalArgumentException if no silence has this id; the message names it
   */
  public void expire(String id, Instant at) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(at, "at");
    synchronized (writeLock) {
      Compiled c = snapshot.byId.get(id);
      if (c == null) {
        throw new IllegalArgumentException("no silence with id \"" + id + "\" to expire");
      }
      Silence s = c.silence;
      if (!s.endsAt().isAfter(at)) {
        return;
      }
      TreeMap<String, Compiled> byId = snapshot.copyById();
      if (s.startsAt().isBefore(at)) {
        Silence ended = new Silence(id, s.matchers(), s.startsAt(), at, s.createdBy(), s.comment());
        byId.put(id, new Compiled(ended, c.matchers));
      } else {
        byId.remove(id);
      }
      snapshot = new Snapshot(byId);
    }
  }

  /** All silences, ended ones included, in id order; an immutable copy. */
  public List<Silence> silences() {
    return snapshot.silences;
  }

  /**
   * Ids, in id order, of the silences that mute {@code labels} at {@code at}: active
   * ({@code startsAt <= at < endsAt}) with all matchers holding. Empty when none does; the list
   * is immutable.
   */
  public List<String> silencedBy(Map<String, String> labels, Instant at) {
    Objects.requireNonNull(labels, "labels");
    Objects.requireNonNull(at, "at");
    List<String> ids = null; // allocated on the first hit: most alerts are silenced by nothing
    for (Compiled c : snapshot.compiled) {
      if (c.activeAt(at) && c.matchers.matches(labels)) {
        if (ids == null) {
          ids = new ArrayList<>(2);
        }
        ids.add(c.silence.id());
      }
    }
    return ids == null ? List.of() : Collections.unmodifiableList(ids);
  }

  /** How many silences are in effect at {@code at} ({@code startsAt <= at < endsAt}). */
  public int activeCount(Instant at) {
    Objects.requireNonNull(at, "at");
    int n = 0;
    for (Compiled c : snapshot.compiled) {
      if (c.activeAt(at)) {
        n++;
      }
    }
    return n;
  }

  /** True when at least one silence mutes {@code labels} at {@code at}; see {@link #silencedBy}. */
  public boolean silenced(Map<String, String> labels, Instant at) {
    Objects.requireNonNull(labels, "labels");
    Objects.requireNonNull(at, "at");
    for (Compiled c : snapshot.compiled) {
      if (c.activeAt(at) && c.matchers.matches(labels)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return "Silencer" + snapshot.byId.keySet();
  }

  /** A silence with its matchers compiled once, so queries never compile a regex. */
  private record Compiled(Silence silence, MatcherSet matchers) {
    static Compiled of(Silence silence) {
      return new Compiled(silence, MatcherSet.of(silence.matchers()));
    }

    boolean activeAt(Instant at) {
      return !at.isBefore(silence.startsAt()) && at.isBefore(silence.endsAt());
    }
  }

  /** One immutable generation of the silences; replaced as a whole on every change. */
  private static final class Snapshot {
    final Map<String, Compiled> byId;
    final List<Silence> silences;
    final Compiled[] compiled;

    Snapshot(TreeMap<String, Compiled> byId) {
      this.byId = Collections.unmodifiableMap(byId);
      this.compiled = byId.values().toArray(new Compiled[0]);
      List<Silence> list = new ArrayList<>(compiled.length);
      for (Compiled c : compiled) {
        list.add(c.silence);
      }
      this.silences = List.copyOf(list);
    }

    /** A mutable copy to derive the next generation from; unchanged silences keep their matchers. */
    TreeMap<String, Compiled> copyById() {
      return new TreeMap<>(byId);
    }
  }
}
