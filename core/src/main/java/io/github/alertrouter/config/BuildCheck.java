package io.github.alertrouter.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

/**
 * What one builder's {@code build()} found wrong, reported together as one {@link ConfigException}
 * whose problems are at the fields' names as the YAML spells them ({@code webhook: is required}),
 * so code-built and loaded config read alike. The record's own invariants stay in its constructor:
 * an {@link IllegalArgumentException} from it becomes one more problem rather than a second kind of
 * exception. Messages never quote a {@link Secret}. Not thread-safe; one per {@code build()}.
 */
final class BuildCheck {
  private final String subject;
  private final List<ConfigProblem> problems = new ArrayList<>();

  /** Checks for one {@code kind} of element ({@code robot}), named by its {@code id} when it has one. */
  BuildCheck(String kind, String id) {
    this.subject = id == null || id.isBlank() ? kind : kind + " \"" + id + "\"";
  }

  BuildCheck problem(String path, String message) {
    problems.add(new ConfigProblem(path, message));
    return this;
  }

  /** An id or name that must be neither null nor blank. */
  BuildCheck id(String path, String value) {
    return value == null || value.isBlank() ? problem(path, "must not be empty") : this;
  }

  /** A value the YAML marks as required. */
  BuildCheck required(String path, Object value) {
    return value == null ? problem(path, "is required") : this;
  }

  /** A list that must hold at least one element; {@code hint} says how to add one. */
  BuildCheck notEmpty(String path, Collection<?> values, String hint) {
    return values == null || values.isEmpty() ? problem(path, "must not be empty (" + hint + ")") : this;
  }

  /** Each element of a list of ids or label names must be a non-blank string. */
  BuildCheck ids(String path, List<String> values) {
    if (values != null) {
      for (int i = 0; i < values.size(); i++) {
        id(path + "[" + i + "]", values.get(i));
      }
    }
    return this;
  }

  /** Each element of a list must be non-null. */
  BuildCheck elements(String path, List<?> values) {
    if (values != null) {
      for (int i = 0; i < values.size(); i++) {
        required(path + "[" + i + "]", values.get(i));
      }
    }
    return this;
  }

  /** Mention targets in their text form, parsed; a bad one becomes a problem at its index. */
  List<MentionTarget> mentions(String path, List<String> texts) {
    if (texts == null) {
      return null;
    }
    List<MentionTarget> out = new ArrayList<>(texts.size());
    for (int i = 0; i < texts.size(); i++) {
      try {
        out.add(MentionTarget.parse(texts.get(i)));
      } catch (IllegalArgumentException e) {
        problem(path + "[" + i + "]", e.getMessage());
      }
    }
    return out;
  }

  /** An IANA zone, as the loader requires: a fixed offset such as {@code +08:00} is refused. */
  BuildCheck zone(String path, java.time.ZoneId zone) {
    if (zone == null) {
      return problem(path, "is required");
    }
    try {
      Values.zone(zone.getId());
      return this;
    } catch (IllegalArgumentException e) {
      return problem(path, e.getMessage());
    }
  }

  /**
   * The record from {@code constructor} when nothing was found; otherwise, or when the constructor
   * refuses its values, a {@link ConfigException} with every problem.
   */
  <T> T build(Supplier<T> constructor) {
    if (problems.isEmpty()) {
      try {
        return constructor.get();
      } catch (IllegalArgumentException e) {
        problem("", e.getMessage());
      }
    }
    throw new ConfigException("of " + subject, problems);
  }
}
