package io.github.alertrouter.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * State shared by the binders of one document: the problems found so far, the environment for
 * {@code ${VAR}}, and the {@link Provenance} the validator needs (where each bound element came
 * from, and the ids of elements that failed to bind). Not thread-safe; one per load.
 */
final class BindContext implements Provenance {
  private final EnvSubstitution env;
  private final List<ConfigProblem> problems = new ArrayList<>();
  private final Map<Object, String> origins = new IdentityHashMap<>();
  private final Map<String, Map<String, String>> brokenIds = new HashMap<>();
  private final Set<Object> partial = Collections.newSetFromMap(new IdentityHashMap<>());

  private final java.nio.file.Path baseDir;

  /**
   * @param baseDir the directory relative file names are read from (the config file's), or
   *     {@code null} for the working directory
   */
  BindContext(Map<String, String> environment, java.nio.file.Path baseDir) {
    this.env = new EnvSubstitution(environment);
    this.baseDir = baseDir == null ? java.nio.file.Path.of("") : baseDir;
  }

  java.nio.file.Path baseDir() {
    return baseDir;
  }

  EnvSubstitution env() {
    return env;
  }

  void problem(String path, String message) {
    problems.add(new ConfigProblem(path, message));
  }

  int problemCount() {
    return problems.size();
  }

  List<ConfigProblem> problems() {
    return problems;
  }

  /** Remembers that {@code element} was read at {@code path}, which may differ from its list index. */
  void origin(Object element, String path) {
    origins.put(element, path);
  }

  /** Remembers the id of an element of {@code section} that failed to bind. */
  void broken(String section, String id, String path) {
    if (id != null) {
      brokenIds.computeIfAbsent(section, k -> new HashMap<>()).putIfAbsent(id, path);
    }
  }

  /** Remembers that {@code element} was built despite problems in its fields. */
  void partial(Object element) {
    partial.add(element);
  }

  @Override
  public boolean isPartial(Object element) {
    return partial.contains(element);
  }

  @Override
  public String path(Object element, String fallback) {
    return origins.getOrDefault(element, fallback);
  }

  @Override
  public String brokenPath(String section, String id) {
    return brokenIds.getOrDefault(section, Map.of()).get(id);
  }
}
