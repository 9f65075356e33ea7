package io.github.alertrouter.route;

import java.util.ArrayList;
import java.util.List;

/**
 * The verdicts of a sibling list's regex conditions, per value id of each condition's slot,
 * filled in as values are seen, so that a value any condition mentions is tested against a regex
 * at most once per condition and then costs an array access. Values without an id go to
 * {@link LabelMatcher#matchesValue}, which has its own bounded memo by text.
 *
 * <p>All conditions share one {@code byte[]} (each from its own offset): a decision evaluates a
 * few regex conditions spread over the list, and one array instead of an object and an array per
 * condition saves a cache miss on each.
 *
 * <p>Thread-safe: concurrent decisions may race to fill an entry, but every writer writes the same
 * verdict and a {@code byte} store is atomic, so a reader sees either "unknown" or the verdict.
 */
final class RegexVerdicts {
  /** Conditions on slots with more registered values than this keep no verdicts (memory stays bounded). */
  static final int MAX_IDS = 1 << 16;
  /** A sibling list keeps at most this many verdicts in all; later conditions go to the memo. */
  static final int MAX_TOTAL = 1 << 24;
  private static final byte UNKNOWN = 0;
  private static final byte MATCHES = 1;
  private static final byte DIFFERS = 2;

  private final LabelMatcher[] matchers;
  private final int[] offsets; // per condition: where its verdicts start, or -1: none kept
  private final byte[] verdicts;

  private RegexVerdicts(List<LabelMatcher> matchers, int[] offsets, int total) {
    this.matchers = matchers.toArray(new LabelMatcher[0]);
    this.offsets = offsets;
    this.verdicts = new byte[total];
  }

  /** Collects the regex conditions of one sibling list; not thread-safe. */
  static final class Builder {
    private final List<LabelMatcher> matchers = new ArrayList<>();
    private final IntList offsets = new IntList(8);
    private int total;

    /** Registers a condition on a slot with {@code valueCount} value ids; returns its index. */
    int add(LabelMatcher matcher, int valueCount) {
      matchers.add(matcher);
      if (valueCount <= MAX_IDS && total + valueCount <= MAX_TOTAL) {
        offsets.add(total);
        total += valueCount;
      } else {
        offsets.add(-1);
      }
      return matchers.size() - 1;
    }

    RegexVerdicts build() {
      return new RegexVerdicts(matchers, offsets.toArray(), total);
    }
  }

  /** Condition {@code regex}'s verdict on the alert's value in {@code slot}. */
  boolean matches(int regex, SlotValues values, int slot) {
    int id = values.id(slot);
    int offset = offsets[regex];
    if (id < 0 || offset < 0) {
      return matchers[regex].matchesValue(values.text(slot));
    }
    byte known = verdicts[offset + id];
    if (known != UNKNOWN) {
      return known == MATCHES;
    }
    boolean verdict = matchers[regex].matchesValue(values.text(slot));
    verdicts[offset + id] = verdict ? MATCHES : DIFFERS;
    return verdict;
  }
}
