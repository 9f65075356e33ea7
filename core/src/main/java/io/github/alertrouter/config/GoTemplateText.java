package io.github.alertrouter.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A message template in Go's {@code text/template} syntax, as a policy or robot holds it: the text,
 * an optional message title (DingTalk's markdown and action-card title), which built-in
 * definitions it is parsed on, and the template files read before it. It is kept as one string
 * ({@link #encoded()}, what {@link NotifyRule#templates()} and {@link Robot#template()} hold), so a
 * queued delivery carries its template whole, files included: {@link NotifyRule#GO_SYNTAX_MARK},
 * {@link #WEBHOOK_DINGTALK_MARK} when the definitions are prometheus-webhook-dingtalk's, each file
 * behind a mark with its length and name, the text, and {@link #TITLE_MARK} followed by the title
 * when there is one. Immutable.
 *
 * @param text the template; its own body is the message text
 * @param title the title template, or {@code null} for the platform's built-in title
 * @param defaults which definitions and functions the text sees
 * @param files template files parsed before the text, in order, each on its own (as Go's
 *     {@code ParseGlob} parses them: a later file's definition replaces an earlier one's)
 */
public record GoTemplateText(String text, String title, Defaults defaults, List<File> files) {
  /**
   * One template file, read when the configuration was loaded.
   *
   * @param name its path as the configuration names it (written back as is); its last segment
   *     names it in Go's error messages
   * @param text its content
   */
  public record File(String name, String text) {
    /** Requires both; the name cannot contain {@code *}{@code /}, which would end the mark it is kept in. */
    public File {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(text, "text");
      if (name.contains("*/") || name.isEmpty()) {
        throw new IllegalArgumentException("a template file name must not be empty or contain */");
      }
    }

    /** The last segment of {@link #name()} (a glob's escapes undone), as Go names a parsed file. */
    public String baseName() {
      return name.substring(name.lastIndexOf('/') + 1).replaceAll("\\\\(.)", "$1");
    }
  }

  /** The built-in definitions (and functions) a Go template is parsed on. */
  public enum Defaults {
    /** Alertmanager 0.25's {@code default.tmpl} and functions, as amtool has them. */
    ALERTMANAGER("alertmanager"),
    /**
     * prometheus-webhook-dingtalk's {@code default.tmpl} ({@code ding.link.title},
     * {@code ding.link.content}, {@code legacy.*}, ...) and its functions ({@code markdown} and
     * the commonly used part of Sprig) on top of Alertmanager's functions.
     */
    WEBHOOK_DINGTALK("webhook-dingtalk");

    private final String yaml;

    Defaults(String yaml) {
      this.yaml = yaml;
    }

    /** The name YAML uses ({@code defaults: webhook-dingtalk}). */
    public String yamlName() {
      return yaml;
    }

    /**
     * The value named {@code name} in YAML.
     *
     * @throws IllegalArgumentException naming the allowed values
     */
    public static Defaults parse(String name) {
      for (Defaults d : values()) {
        if (d.yaml.equals(name)) {
          return d;
        }
      }
      throw new IllegalArgumentException("must be alertmanager or webhook-dingtalk, but was \"" + name + "\"");
    }
  }

  /** Follows {@link NotifyRule#GO_SYNTAX_MARK} when the defaults are prometheus-webhook-dingtalk's. */
  public static final String WEBHOOK_DINGTALK_MARK = "{{/* defaults: webhook-dingtalk */}}";
  /** Separates the text from the title in {@link #encoded()}. */
  public static final String TITLE_MARK = "{{/* alert-router: title */}}";
  private static final String FILE_MARK = "{{/* alert-router: file ";
  private static final String MARK_END = " */}}";

  /** Requires the text and the defaults; {@code files} may be {@code null} for none. */
  public GoTemplateText {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(defaults, "defaults");
    files = files == null ? List.of() : List.copyOf(files);
    if (title != null && title.contains(TITLE_MARK)) {
      throw new IllegalArgumentException("a title cannot contain " + TITLE_MARK);
    }
    // the marks frame the parts of the encoding: a text holding one would not read back
    if (text.contains(TITLE_MARK) || text.startsWith(WEBHOOK_DINGTALK_MARK) || text.startsWith(FILE_MARK)) {
      throw new IllegalArgumentException("a text cannot contain " + TITLE_MARK + " nor start with "
          + WEBHOOK_DINGTALK_MARK + " or " + FILE_MARK + "...");
    }
  }

  /** A text on Alertmanager's definitions, with the platform's own title. */
  public static GoTemplateText of(String text) {
    return new GoTemplateText(text, null, Defaults.ALERTMANAGER, List.of());
  }

  /** The one string a policy or robot keeps. */
  public String encoded() {
    StringBuilder b = new StringBuilder(NotifyRule.GO_SYNTAX_MARK);
    if (defaults == Defaults.WEBHOOK_DINGTALK) {
      b.append(WEBHOOK_DINGTALK_MARK);
    }
    for (File f : files) {
      // the length, not a closing mark, ends a file: its content may be anything
      b.append(FILE_MARK).append(f.text().length()).append(' ').append(f.name()).append(MARK_END).append(f.text());
    }
    b.append(text);
    if (title != null) {
      b.append(TITLE_MARK).append(title);
    }
    return b.toString();
  }

  /**
   * The Go template {@code encoded} holds.
   *
   * @throws IllegalArgumentException when it is not a Go template ({@link NotifyRule#isGoTemplate})
   */
  public static GoTemplateText decode(String encoded) {
    if (!NotifyRule.isGoTemplate(encoded)) {
      throw new IllegalArgumentException("not a Go template: it does not start with " + NotifyRule.GO_SYNTAX_MARK);
    }
    String rest = encoded.substring(NotifyRule.GO_SYNTAX_MARK.length());
    Defaults defaults = Defaults.ALERTMANAGER;
    if (rest.startsWith(WEBHOOK_DINGTALK_MARK)) {
      defaults = Defaults.WEBHOOK_DINGTALK;
      rest = rest.substring(WEBHOOK_DINGTALK_MARK.length());
    }
    List<File> files = new ArrayList<>();
    while (rest.startsWith(FILE_MARK)) {
      int end = rest.indexOf(MARK_END);
      String[] header = rest.substring(FILE_MARK.length(), end).split(" ", 2);
      int length = Integer.parseInt(header[0]);
      int from = end + MARK_END.length();
      files.add(new File(header[1], rest.substring(from, from + length)));
      rest = rest.substring(from + length);
    }
    // the title is what follows the last mark: a text may mention the mark, a title cannot
    int at = rest.lastIndexOf(TITLE_MARK);
    if (at < 0) {
      return new GoTemplateText(rest, null, defaults, files);
    }
    return new GoTemplateText(rest.substring(0, at), rest.substring(at + TITLE_MARK.length()), defaults, files);
  }
}
