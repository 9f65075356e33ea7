package io.github.alertrouter;

import io.github.alertrouter.internal.text.GoQuote;
import io.github.alertrouter.internal.text.GoStrings;
import io.github.alertrouter.internal.text.LabelNames;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One alert as the router sees it: a label set that identifies it, annotations that describe it,
 * and the interval during which it fires.
 *
 * <p>Labels and annotations are kept sorted by name in Go's string order (UTF-8 bytes), as
 * Alertmanager sorts and fingerprints them. {@code endsAt}
 * is {@code null} while the alert has no known end; Alertmanager's Go zero time
 * ({@code 0001-01-01T00:00:00Z}) is read as {@code null} by the payload codec. Immutable and
 * thread-safe.
 *
 * @param labels identifying labels; must not be empty; each name must match
 *     {@code [a-zA-Z_][a-zA-Z0-9_]*}, as Alertmanager requires ({@code model.LabelName.IsValid})
 * @param annotations descriptive text; may be empty; names as for labels (Alertmanager checks
 *     annotations with the same rule)
 * @param startsAt when the alert started firing, or {@code null}: the router then stamps it with its
 *     clock on submit, as Alertmanager does for alerts posted without a start
 * @param endsAt when it stopped (or will stop) firing, or {@code null}
 * @param generatorURL link back to the source, or {@code ""}
 */
public record Alert(
    SortedMap<String, String> labels,
    SortedMap<String, String> annotations,
    Instant startsAt,
    Instant endsAt,
    String generatorURL) {

  /**
   * Copies labels and annotations into immutable maps in Go's order and turns a {@code null}
   * {@code generatorURL} into {@code ""}; {@code null} maps count as empty.
   *
   * @throws IllegalArgumentException if there is no label, a name is empty or invalid, or
   *     {@code endsAt} is before {@code startsAt}
   * @throws NullPointerException if a label or annotation value is {@code null}
   */
  public Alert {
    labels = immutableSorted(labels, "labels", "label");
    annotations = immutableSorted(annotations, "annotations", "annotation");
    if (labels.isEmpty()) {
      throw new IllegalArgumentException("an alert needs at least one label");
    }
    if (startsAt != null && endsAt != null && endsAt.isBefore(startsAt)) {
      throw new IllegalArgumentException(
          "endsAt must not be before startsAt, but was " + endsAt + " < " + startsAt);
    }
    generatorURL = generatorURL == null ? "" : generatorURL;
  }

  /** Starts a builder for an alert with these labels that is firing (no end time). */
  public static Builder firing(Map<String, String> labels) {
    return new Builder(labels);
  }

  /** Alertmanager's fingerprint of {@link #labels()}. */
  public Fingerprint fingerprint() {
    return Fingerprint.of(labels);
  }

  /** Resolved at {@code at} when an end time is known and not after {@code at}. */
  public boolean isResolvedAt(Instant at) {
    return endsAt != null && !endsAt.isAfter(at);
  }

  /** The label's value, or {@code ""} when the alert has no such label (Alertmanager semantics). */
  public String label(String name) {
    return labels.getOrDefault(name, "");
  }

  /** A copy of this alert that ends at {@code endsAt}. */
  public Alert resolvedAt(Instant endsAt) {
    return new Alert(labels, annotations, startsAt, Objects.requireNonNull(endsAt, "endsAt"), generatorURL);
  }

  private static SortedMap<String, String> immutableSorted(Map<String, String> map, String what, String kind) {
    if (map == null) {
      return Collections.emptySortedMap();
    }
    TreeMap<String, String> copy = new TreeMap<>(GoStrings.ORDER);
    map.forEach((k, v) -> {
      if (k == null || k.isEmpty()) {
        throw new IllegalArgumentException(what + " must not contain an empty name");
      }
      if (!LabelNames.isValid(k)) {
        throw new IllegalArgumentException(LabelNames.refusal(kind, quoteShort(k)));
      }
      copy.put(k, Objects.requireNonNull(v, () -> what + "." + k + " must not be null"));
    });
    return Collections.unmodifiableSortedMap(copy);
  }

  /** Go's {@code %q} of a name, cut short so a huge name cannot flood a log. */
  private static String quoteShort(String name) {
    final int max = 80;
    if (name.length() <= max) {
      return GoQuote.quote(name);
    }
    int cut = Character.isHighSurrogate(name.charAt(max - 1)) ? max - 1 : max;
    return GoQuote.quote(name.substring(0, cut)) + "… (" + name.length() + " chars)";
  }

  /** Builds an {@link Alert}; not thread-safe. */
  public static final class Builder {
    private final TreeMap<String, String> labels;
    private final TreeMap<String, String> annotations = new TreeMap<>();
    private Instant startsAt;
    private Instant endsAt;
    private String generatorURL = "";

    private Builder(Map<String, String> labels) {
      this.labels = new TreeMap<>(Objects.requireNonNull(labels, "labels"));
    }

    /** Adds a label, replacing one of the same name. */
    public Builder label(String name, String value) {
      labels.put(name, value);
      return this;
    }

    /** Adds an annotation, replacing one of the same name. */
    public Builder annotation(String name, String value) {
      annotations.put(name, value);
      return this;
    }

    /** Adds all of {@code values}, replacing annotations of the same names. */
    public Builder annotations(Map<String, String> values) {
      annotations.putAll(values);
      return this;
    }

    /** When it started firing; default {@code null}: the router's clock at submit. */
    public Builder startsAt(Instant startsAt) {
      this.startsAt = startsAt;
      return this;
    }

    /** When it ends; default {@code null}: firing with no known end. */
    public Builder endsAt(Instant endsAt) {
      this.endsAt = endsAt;
      return this;
    }

    /** The link back to the source; default {@code ""}. */
    public Builder generatorURL(String generatorURL) {
      this.generatorURL = generatorURL;
      return this;
    }

    /** Builds the alert; see {@link Alert} for the checks. */
    public Alert build() {
      return new Alert(labels, annotations, startsAt, endsAt, generatorURL);
    }
  }
}
