package io.github.alertrouter.config;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Drops alerts whose labels satisfy all {@code matchers} between {@code startsAt} and
 * {@code endsAt}, before any policy sees them. Immutable and thread-safe.
 *
 * @param id unique silence id
 * @param matchers conditions that must all hold; not empty
 * @param startsAt start (inclusive)
 * @param endsAt end (exclusive); after {@code startsAt}
 * @param createdBy who created it
 * @param comment why
 */
public record Silence(
    String id, List<Condition> matchers, Instant startsAt, Instant endsAt, String createdBy, String comment) {
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
}
