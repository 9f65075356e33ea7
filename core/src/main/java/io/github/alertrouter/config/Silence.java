package io.github.alertrouter.config;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Drops alerts whose labels satisfy all {@code matchers} between {@code startsAt} and
 * {@code endsAt}, before any policy sees them. Immutable and thread-safe. Build one in code with
 * {@link #builder}.
 *
 * @param id unique silence id
 * @param matchers conditions that must all hold; not empty
 * @param startsAt start (inclusive)
 * @param endsAt end (exclusive); after {@code startsAt}
 * @param createdBy who created it; {@code ""} when not given
 * @param comment why; {@code ""} when not given
 */
public record Silence(
    String id, List<Condition> matchers, Instant startsAt, Instant endsAt, String createdBy, String comment) {
  /**
   * Checks the id, matchers and bounds; a null {@code createdBy} or {@code comment} becomes {@code ""}.
   *
   * @throws IllegalArgumentException naming the silence and what is wrong
   * @throws NullPointerException when a bound is null
   */
  public Silence {
    Contact.requireId(id, "silence");
    matchers = List.copyOf(Objects.requireNonNullElse(matchers, List.of()));
    if (matchers.isEmpty()) {
      throw new IllegalArgumentException("silence " + id + ": matchers must not be empty");
    }
    Objects.requireNonNull(startsAt, "startsAt");
    Objects.requireNonNull(endsAt, "endsAt");
    if (!endsAt.isAfter(startsAt)) {
      throw new IllegalArgumentException("silence " + id + ": endsAt must be after startsAt");
    }
    createdBy = Objects.requireNonNullElse(createdBy, "");
    comment = Objects.requireNonNullElse(comment, "");
  }

  /**
   * Starts a builder for a silence with no author and no comment.
   *
   * @param id unique silence id
   * @param startsAt start (inclusive)
   * @param endsAt end (exclusive); after {@code startsAt}
   * @param matchers conditions an alert must all meet to be silenced; at least one
   */
  public static Builder builder(String id, Instant startsAt, Instant endsAt, Condition... matchers) {
    return new Builder(id, startsAt, endsAt, matchers == null ? null : Arrays.asList(matchers));
  }

  /** A builder holding this silence's values, to derive a changed copy. */
  public Builder toBuilder() {
    return new Builder(id, startsAt, endsAt, matchers).createdBy(createdBy).comment(comment);
  }

  /** Builds a {@link Silence}; {@link #build()} checks every field at once. Not thread-safe. */
  public static final class Builder {
    private final String id;
    private final Instant startsAt;
    private final Instant endsAt;
    private final List<Condition> matchers;
    private String createdBy;
    private String comment;

    private Builder(String id, Instant startsAt, Instant endsAt, List<Condition> matchers) {
      this.id = id;
      this.startsAt = startsAt;
      this.endsAt = endsAt;
      this.matchers = matchers;
    }

    /** Who created it; {@code null} (the default) means {@code ""}. */
    public Builder createdBy(String createdBy) {
      this.createdBy = createdBy;
      return this;
    }

    /** Why; {@code null} (the default) means {@code ""}. */
    public Builder comment(String comment) {
      this.comment = comment;
      return this;
    }

    /**
     * Builds the silence.
     *
     * @throws ConfigException naming each field that is wrong: an empty id, no or a null matcher,
     *     a missing bound, an end not after the start
     */
    public Silence build() {
      return new BuildCheck("silence", id).id("id", id)
          .notEmpty("matchers", matchers, "name at least one condition").elements("matchers", matchers)
          .required("startsAt", startsAt).required("endsAt", endsAt)
          .build(() -> new Silence(id, matchers, startsAt, endsAt, createdBy, comment));
    }
  }
}
