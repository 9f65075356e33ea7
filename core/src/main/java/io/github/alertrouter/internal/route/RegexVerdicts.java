package io.github.alertrouter.internal.route;

import io.github.alertrouter.route.LabelMatcher;

/**
 * A regex condition's verdict per value id of its slot, filled in as values are seen, so that a
 * value any condition mentions is tested against the regex at most once per matcher and then
 * costs an array access. Values without an id go to {@link LabelMatcher#matchesValue}, which has
 * its own bounded memo by text.
 *
 * <p>Thread-safe: concurrent decisions may race to fill an entry, but every writer writes the same
 * verdict and a {@code byte} store is atomic, so a reader sees either "unknown" or the verdict.
 */
final class RegexVerdicts {
  /** Slots with more registered values than this keep no array (memory stays bounded). */
  static final int MAX_IDS = 1 << 16;

  private static final byte UNKNOWN = 0;
  private static final byte MATCHES = 1;
  private static final byte DIFFERS = 2;

  private final LabelMatcher matcher;
  private final byte[] verdicts;

  RegexVerdicts(LabelMatcher matcher, int valueCount) {
    this.matcher = matcher;
    this.verdicts = valueCount <= MAX_IDS ? new byte[valueCount] : null;
  }

  /** The matcher's verdict on the alert's value in {@code slot}. */
  boolean matches(SlotValues values, int slot) {
    int id = values.id(slot);
    if (id < 0 || verdicts == null) {
      return matcher.matchesValue(values.text(slot));
    }
    byte known = verdicts[id];
    if (known != UNKNOWN) {
      return known == MATCHES;
    }
    boolean verdict = matcher.matchesValue(values.text(slot));
    verdicts[id] = verdict ? MATCHES : DIFFERS;
    return verdict;
  }
}
