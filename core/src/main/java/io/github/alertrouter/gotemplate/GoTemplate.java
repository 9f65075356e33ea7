package io.github.alertrouter.gotemplate;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A set of parsed Go templates that execute against data, with Go's {@code text/template}
 * semantics and messages. Parse once, execute per message: a {@code GoTemplate} is immutable and
 * thread-safe, and {@link #parse} returns a new set that adds (or replaces) definitions.
 *
 * <pre>{@code
 * GoTemplate t = AlertmanagerTemplates.defaults().parse("msg.tmpl", text);
 * String body = t.execute("dingtalk.message", AmData.from(payload));
 * }</pre>
 */
public final class GoTemplate {
  private final Map<String, Tree> trees;
  private final Map<String, GoFunc> funcs;
  private final boolean missingKeyZero;

  private GoTemplate(Map<String, Tree> trees, Map<String, GoFunc> funcs, boolean missingKeyZero) {
    this.trees = trees;
    this.funcs = funcs;
    this.missingKeyZero = missingKeyZero;
  }

  /** An empty set with Go's builtins only; a missing map key yields Go's {@code <no value>}. */
  public static GoTemplate empty() {
    return new GoTemplate(Map.of(), Builtins.ALL, false);
  }

  /** An empty set with the builtins and Alertmanager's functions, and {@code missingkey=zero}. */
  public static GoTemplate alertmanager() {
    Map<String, GoFunc> all = new HashMap<>(Builtins.ALL);
    all.putAll(AmFunctions.ALL);
    return new GoTemplate(Map.of(), Map.copyOf(all), true);
  }

  /** An empty set with the builtins, {@code functions} and {@code missingkey=zero}. */
  static GoTemplate withFunctions(Map<String, GoFunc> functions) {
    Map<String, GoFunc> all = new HashMap<>(Builtins.ALL);
    all.putAll(functions);
    return new GoTemplate(Map.of(), Map.copyOf(all), true);
  }

  Map<String, GoFunc> functions() {
    return funcs;
  }

  /**
   * Parses {@code text} as the template {@code name} and returns a set with it and everything it
   * defines added. As in Go, a definition replaces one of the same name from an earlier text unless
   * it is empty; defining a name twice in one text is an error.
   *
   * @throws TemplateException with Go's message, e.g. {@code template: NAME:1: unclosed action}
   */
  public GoTemplate parse(String name, String text) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(text, "text");
    Map<String, Tree> parsed = Parser.parse(name, text, funcs.keySet());
    Map<String, Tree> merged = new LinkedHashMap<>(trees);
    parsed.forEach((n, t) -> {
      Tree old = merged.get(n);
      if (old == null || !t.isEmpty()) {
        merged.put(n, t);
      }
    });
    return new GoTemplate(Map.copyOf(merged), funcs, missingKeyZero);
  }

  /** The names of the templates in this set. */
  public Set<String> names() {
    return trees.keySet();
  }

  /**
   * Executes the template {@code name} with {@code data} as dot.
   *
   * @param data the data: an {@link AmData}, or String, Long, Double, Boolean, List, Map values
   * @throws TemplateException with Go's message when the template is not defined or fails
   */
  public String execute(String name, Object data) {
    StringBuilder out = new StringBuilder();
    Tree t = trees.get(name);
    if (t == null) {
      throw new TemplateException("template: no template " + GoFmt.quote(name)
          + " associated with template " + GoFmt.quote(name));
    }
    new Exec(this, out).run(t, data);
    return out.toString();
  }

  Tree tree(String name) {
    return trees.get(name);
  }

  GoFunc function(String name) {
    return funcs.get(name);
  }

  boolean missingKeyZero() {
    return missingKeyZero;
  }
}
