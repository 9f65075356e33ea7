package io.github.alertrouter.config;

import java.util.Locale;
import java.util.Objects;

/**
 * Who a notification @mentions: {@code contact:ID}, {@code group:ID}, {@code schedule:ID} (whoever
 * is on duty when the notice is sent), {@code label:NAME} / {@code annotation:NAME} (the alert's
 * value names a contact id, mobile or email), or {@code all}. Immutable and thread-safe.
 *
 * @param kind what {@code ref} refers to
 * @param ref an id or a label/annotation name; {@code ""} for {@link Kind#ALL}
 */
public record MentionTarget(Kind kind, String ref) {
  /** The kinds of mention target. */
  public enum Kind {
    /** one contact, by id */
    CONTACT,
    /** every member of a contact group, by id */
    GROUP,
    /** whoever is on duty in a schedule when the notice is sent, by id */
    SCHEDULE,
    /** the contacts an alert label's value names (ids, mobiles or emails, comma-separated) */
    LABEL,
    /** the contacts an alert annotation's value names */
    ANNOTATION,
    /** everyone in the chat ({@code @all}); only when listed */
    ALL;

    String prefix() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * Checks that {@code ref} is present exactly when the kind needs one; a null {@code ref} is
   * {@code ""}.
   *
   * @throws IllegalArgumentException when an id is missing, or given for {@link Kind#ALL}
   * @throws NullPointerException when {@code kind} is null
   */
  public MentionTarget {
    Objects.requireNonNull(kind, "kind");
    ref = ref == null ? "" : ref;
    if (kind == Kind.ALL ? !ref.isEmpty() : ref.isEmpty()) {
      throw new IllegalArgumentException(
          kind == Kind.ALL ? "\"all\" takes no id" : kind.prefix() + " target needs an id after \"" + kind.prefix() + ":\"");
    }
  }

  /**
   * Parses {@code kind:ref} or {@code all}.
   *
   * @throws IllegalArgumentException naming the text and the accepted forms
   */
  public static MentionTarget parse(String text) {
    if ("all".equals(text)) {
      return new MentionTarget(Kind.ALL, "");
    }
    int colon = text == null ? -1 : text.indexOf(':');
    if (colon > 0) {
      String prefix = text.substring(0, colon);
      for (Kind kind : Kind.values()) {
        if (kind != Kind.ALL && kind.prefix().equals(prefix)) {
          return new MentionTarget(kind, text.substring(colon + 1));
        }
      }
    }
    throw new IllegalArgumentException(
        "must be contact:ID, group:ID, schedule:ID, label:NAME, annotation:NAME or all, but was \""
            + text + "\"");
  }

  /** {@code contact:ID}: one contact. */
  public static MentionTarget contact(String id) {
    return new MentionTarget(Kind.CONTACT, id);
  }

  /** {@code group:ID}: every member of a contact group. */
  public static MentionTarget group(String id) {
    return new MentionTarget(Kind.GROUP, id);
  }

  /** {@code schedule:ID}: whoever is on duty in the schedule when the notice is sent. */
  public static MentionTarget schedule(String id) {
    return new MentionTarget(Kind.SCHEDULE, id);
  }

  /** The form {@link #parse} reads: {@code kind:ref}, or {@code all}. */
  @Override
  public String toString() {
    return kind == Kind.ALL ? "all" : kind.prefix() + ":" + ref;
  }
}
