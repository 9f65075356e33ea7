package io.github.alertrouter;

import io.github.alertrouter.internal.text.GoStrings;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An alert's identity: Alertmanager's label-set fingerprint (FNV-1a 64 over the label names and
 * values sorted by name, each followed by the separator byte {@code 0xff}), so that a fingerprint we
 * compute equals the one a real Alertmanager puts in its webhook payloads.
 *
 * <p>Immutable and thread-safe. {@link #toString()} is the 16 lower-case hex digits Alertmanager
 * prints.
 */
public record Fingerprint(long value) {
  private static final long FNV_OFFSET_BASIS = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;
  private static final int SEPARATOR = 0xff;

  /** Computes the fingerprint of a label set, in any map. */
  public static Fingerprint of(Map<String, String> labels) {
    Map<String, String> sorted = labels;
    if (!(labels instanceof SortedMap<String, String> s && s.comparator() == GoStrings.ORDER)) {
      // Alertmanager hashes labels in Go's string order (UTF-8 bytes), not Java's (UTF-16)
      TreeMap<String, String> copy = new TreeMap<>(GoStrings.ORDER);
      copy.putAll(labels);
      sorted = copy;
    }
    long hash = FNV_OFFSET_BASIS;
    for (Map.Entry<String, String> label : sorted.entrySet()) {
      hash = mix(hash, label.getKey());
      hash = (hash ^ SEPARATOR) * FNV_PRIME;
      hash = mix(hash, label.getValue());
      hash = (hash ^ SEPARATOR) * FNV_PRIME;
    }
    return new Fingerprint(hash);
  }

  /**
   * Parses the 16-hex-digit form.
   *
   * @throws IllegalArgumentException if {@code hex} is not 1 to 16 hex digits
   */
  public static Fingerprint parse(String hex) {
    if (hex == null || hex.isEmpty() || hex.length() > 16) {
      throw new IllegalArgumentException("fingerprint must be 1 to 16 hex digits, but was \"" + hex + "\"");
    }
    try {
      return new Fingerprint(Long.parseUnsignedLong(hex, 16));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("fingerprint must be 1 to 16 hex digits, but was \"" + hex + "\"", e);
    }
  }

  /** Feeds the UTF-8 bytes of {@code s} into the hash without allocating a byte array. */
  private static long mix(long hash, String s) {
    int i = 0;
    int n = s.length();
    while (i < n) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (cp < 0x80) {
        hash = (hash ^ cp) * FNV_PRIME;
      } else if (cp < 0x800) {
        hash = (hash ^ (0xc0 | (cp >> 6))) * FNV_PRIME;
        hash = (hash ^ (0x80 | (cp & 0x3f))) * FNV_PRIME;
      } else if (cp < 0x10000) {
        if (Character.isSurrogate((char) cp)) {
          cp = 0xfffd; // a lone surrogate is written as U+FFFD, as Java's UTF-8 encoder does
        }
        hash = (hash ^ (0xe0 | (cp >> 12))) * FNV_PRIME;
        hash = (hash ^ (0x80 | ((cp >> 6) & 0x3f))) * FNV_PRIME;
        hash = (hash ^ (0x80 | (cp & 0x3f))) * FNV_PRIME;
      } else {
        hash = (hash ^ (0xf0 | (cp >> 18))) * FNV_PRIME;
        hash = (hash ^ (0x80 | ((cp >> 12) & 0x3f))) * FNV_PRIME;
        hash = (hash ^ (0x80 | ((cp >> 6) & 0x3f))) * FNV_PRIME;
        hash = (hash ^ (0x80 | (cp & 0x3f))) * FNV_PRIME;
      }
    }
    return hash;
  }

  @Override
  public String toString() {
    String hex = Long.toHexString(value);
    return "0".repeat(16 - hex.length()) + hex;
  }
}
