package io.github.alertrouter.config;

import io.github.alertrouter.internal.text.Suggestions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ids declared in one section, for duplicate and unknown-reference checks. Not thread-safe;
 * one per validation.
 */
final class IdIndex {
  private final String section;
  private final String what;
  private final String key;
  private final Provenance provenance;
  private final Map<String, String> declaredAt = new LinkedHashMap<>();

  /**
   * @param section the section name, as {@link Provenance#brokenPath} knows it
   * @param what what an id names, for messages ({@code robot}, {@code contact group})
   * @param key the field holding the id ({@code id} or {@code name})
   */
  IdIndex(String section, String what, String key, Provenance provenance) {
    this.section = section;
    this.what = what;
    this.key = key;
    this.provenance = provenance;
  }

  /** Declares the id of the element at {@code elementPath}; a repeat is a problem at its key. */
  void declare(String id, String elementPath, List<ConfigProblem> problems) {
    if (id == null) {
      return;
    }
    String first = declaredAt.putIfAbsent(id, elementPath);
    if (first == null) {
      first = provenance.brokenPath(section, id); // still a duplicate, though the other failed to bind
    }
    if (first != null) {
      problems.add(new ConfigProblem(elementPath + "." + key,
          "duplicate " + what + " " + key + " \"" + id + "\", also used by " + first));
    }
  }

  /** Checks a reference at {@code path}; an unknown id is a problem with a "did you mean". */
  void reference(String id, String path, List<ConfigProblem> problems) {
    if (id == null || declaredAt.containsKey(id) || provenance.brokenPath(section, id) != null) {
      return;
    }
    problems.add(new ConfigProblem(path,
        "unknown " + what + " \"" + id + "\"" + Suggestions.didYouMean(id, declaredAt.keySet())));
  }

  /** Checks each reference of a list, at {@code path[i]}. */
  void references(List<String> ids, String path, List<ConfigProblem> problems) {
    if (ids == null) {
      return;
    }
    for (int i = 0; i < ids.size(); i++) {
      reference(ids.get(i), path + "[" + i + "]", problems);
    }
  }
}
