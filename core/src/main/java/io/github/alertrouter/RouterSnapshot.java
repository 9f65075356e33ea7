package io.github.alertrouter;

import java.time.Instant;

/**
 * What a router holds that must outlive it: its alerts, what each group last notified, its
 * escalation episodes (acknowledgements included) and the silences added at run time. Alertmanager
 * keeps the same in its {@code --storage.path} so that a restart neither repeats nor forgets a
 * notice. Take one with {@link AlertRouter#snapshot()}, store {@link #toJson()}, and give
 * {@link #fromJson} of it to {@link AlertRouter#restore} of the next process's router.
 *
 * <p>The JSON is versioned and carries no secret (alerts, fingerprints, group keys, contact ids
 * of who acknowledged, silences). Immutable and thread-safe.
 */
public interface RouterSnapshot {
  /** When it was taken (the router's clock). */
  Instant takenAt();

  /** How many alerts it holds. */
  int alertCount();

  /** The snapshot as UTF-8 JSON, for a file or a database column. */
  byte[] toJson();

  /**
   * Reads what {@link #toJson()} wrote.
   *
   * @throws IllegalArgumentException naming the JSON pointer of what is wrong
   */
  static RouterSnapshot fromJson(byte[] json) {
    return EngineStateJson.read(json);
  }
}
