package io.github.alertrouter.config;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where, to whom and how a policy sends. {@code null} fields are inherited by nested routes
 * (top-level: always window, no robots, no mentions, the platforms' built-in layouts). Immutable
 * and thread-safe. Build one in code with {@link #builder()}.
 *
 * @param window when sending is allowed, or {@code null}
 * @param robots robot ids, each a group chat
 * @param mention who to @mention
 * @param templates a message template per platform id ({@code dingtalk: "..."}), replacing that
 *     platform's built-in layout; values inserted into a template are escaped for the platform,
 *     the template text is not. A template is mustache unless its text starts with
 *     {@link #GO_SYNTAX_MARK} (YAML's {@code {syntax: go, text: ...}} form, {@link #goTemplate})
 * @param requireBinding whether a contact @-ed by mobile number must have bound it first (ARMS);
 *     unbound ones are named, not @-ed, and reported; {@code null} inherits (default false)
 */
public record NotifyRule(
    NotifyWindow window, List<String> robots, List<MentionTarget> mention, Map<String, String> templates,
    Boolean requireBinding) {
  /**
   * The first characters of a template in Go's {@code text/template} syntax (a Go comment, so it
   * prints nothing; mustache would reject it as a stray closing tag, so no mustache template starts
   * with it). The syntax travels inside the text, so a queued delivery keeps it.
   */
  public static final String GO_SYNTAX_MARK = "{{/* syntax: go */}}";

  /** Sets nothing: a nested route with it inherits its parent's rule whole. */
  public static final NotifyRule INHERIT = new NotifyRule(null, null, null, null, null);

  /** Copies the lists and the templates; each may be {@code null}, meaning inherited. */
  public NotifyRule {
    robots = robots == null ? null : List.copyOf(robots);
    mention = mention == null ? null : List.copyOf(mention);
    templates = templates == null ? null : Collections.unmodifiableMap(new TreeMap<>(templates));
  }

  /** A rule that inherits its templates and binding requirement. */
  public NotifyRule(NotifyWindow window, List<String> robots, List<MentionTarget> mention) {
    this(window, robots, mention, null, null);
  }

  /** A rule that inherits its binding requirement. */
  public NotifyRule(
      NotifyWindow window, List<String> robots, List<MentionTarget> mention, Map<String, String> templates) {
    this(window, robots, mention, templates, null);
  }

  /** {@code text} marked as a Go template ({@link #GO_SYNTAX_MARK} prepended unless it is there). */
  public static String goTemplate(String text) {
    return isGoTemplate(text) ? text : GO_SYNTAX_MARK + text;
  }

  /** Whether {@code template} is in Go's syntax: it starts with {@link #GO_SYNTAX_MARK}. */
  public static boolean isGoTemplate(String template) {
    return template != null && template.startsWith(GO_SYNTAX_MARK);
  }

  /**
   * Starts a builder that sets nothing ({@link #INHERIT}): each field left unset is inherited by a
   * nested route, or takes the top-level default, as a field left out of a YAML {@code notifyRule}.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this rule's values, to derive a changed copy. */
  public Builder toBuilder() {
    Builder b = new Builder().window(window).robots(robots).mention(mention).requireBinding(requireBinding);
    b.templates = templates == null ? null : new LinkedHashMap<>(templates);
    return b;
  }

  /** Builds a {@link NotifyRule}; every setting is optional. Not thread-safe. */
  public static final class Builder {
    private NotifyWindow window;
    private List<String> robots;
    private List<String> mention;
    private Map<String, String> templates;
    private Boolean requireBinding;

    private Builder() {}

    /** When sending is allowed; {@code null} (the default) inherits, or at the top level means always. */
    public Builder window(NotifyWindow window) {
      this.window = window;
      return this;
    }

    /** The robots (group chats) a notice goes to, by id, replacing any set before. */
    public Builder robots(String... robots) {
      return robots(robots == null ? null : Arrays.asList(robots));
    }

    /** Like {@link #robots(String...)}; {@code null} unsets them (inherit; none at the top level). */
    public Builder robots(List<String> robots) {
      this.robots = robots;
      return this;
    }

    /**
     * Who to @mention, in the YAML form ({@code "contact:alice"}, {@code "group:sre"},
     * {@code "schedule:primary"}, {@code "label:owner"}, {@code "annotation:NAME"}, {@code "all"}),
     * replacing any set before; a malformed one is reported by {@link #build()}.
     */
    public Builder mention(String... targets) {
      this.mention = targets == null ? null : Arrays.asList(targets);
      return this;
    }

    /** Like {@link #mention(String...)} with parsed targets; {@code null} unsets them (inherit). */
    public Builder mention(List<MentionTarget> targets) {
      this.mention = targets == null ? null : targets.stream().map(t -> t == null ? null : t.toString()).toList();
      return this;
    }

    /**
     * A message template for one platform ({@code dingtalk}, ...), replacing its built-in layout;
     * values inserted into it are escaped for the platform. A {@code null} text removes it.
     */
    public Builder template(String platform, String template) {
      if (template == null) {
        if (templates != null) {
          templates.remove(platform);
        }
      } else {
        if (templates == null) {
          templates = new LinkedHashMap<>();
        }
        templates.put(platform, template);
      }
      return this;
    }

    /**
     * A message template in Go's {@code text/template} syntax with Alertmanager's data and
     * functions ({@code docs/go-templates.md}) for one platform, replacing its built-in layout;
     * {@link #template} of {@link NotifyRule#goTemplate}. A {@code null} text removes it.
     */
    public Builder goTemplate(String platform, String template) {
      return template(platform, template == null ? null : NotifyRule.goTemplate(template));
    }

    /**
     * A Go template with a title or prometheus-webhook-dingtalk's definitions for one platform
     * ({@link GoTemplateText}); {@code null} removes it.
     */
    public Builder goTemplate(String platform, GoTemplateText template) {
      return template(platform, template == null ? null : template.encoded());
    }

    /**
     * Whether a contact @-ed by mobile number must have bound it first; {@code null} (the default)
     * inherits, {@code false} at the top level.
     */
    public Builder requireBinding(Boolean requireBinding) {
      this.requireBinding = requireBinding;
      return this;
    }

    /**
     * Builds the rule.
     *
     * @throws ConfigException naming each malformed mention target ({@code mention[1]}) and each
     *     empty robot id
     */
    public NotifyRule build() {
      BuildCheck check = new BuildCheck("notify rule", null).ids("robots", robots);
      List<MentionTarget> targets = check.mentions("mention", mention);
      if (templates != null) {
        templates.keySet().forEach(platform -> check.id("templates", platform));
      }
      return check.build(() -> new NotifyRule(window, robots, targets, templates, requireBinding));
    }
  }
}
