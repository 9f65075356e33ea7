package io.github.alertrouter.config;

import java.util.Collections;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A chatbot that posts into one group chat through its custom-robot webhook. The webhook URL holds
 * the access token, so it is a {@link Secret} like the signing secret. Immutable and thread-safe;
 * {@link #toString()} shows no secret. Build one in code with {@link #builder}.
 *
 * <p>A robot may be a <em>pool</em>: several webhooks (custom robots added to the same group chat),
 * each with its own signing secret, among which its messages are spread so that each stays within
 * the platform's per-webhook rate limit. The pool is still one robot: one id for routing, mentions
 * and metrics. {@link #webhook()} and {@link #secret()} are then the first member's.
 *
 * @param id unique robot id
 * @param platform platform id ({@code dingtalk}, {@code lark}, {@code wecom}, ...)
 * @param webhook the webhook URL (a pool's first)
 * @param secret the signing secret, or {@code null} when the robot is not signed (a pool's first
 *     member's)
 * @param keyword a word every message must contain (DingTalk/Lark keyword security), or
 *     {@code null}
 * @param options how this robot's messages look, as text: {@code timeZone} (IANA zone for times
 *     shown in messages, default {@code UTC}), {@code overflow} ({@code truncate}, the default, or
 *     {@code split}), {@code maxAlerts} (the most alerts one message lists, see {@link #maxAlerts()}),
 *     and platform-specific ones (DingTalk {@code msgType}) that the platform
 *     module checks; never {@code null}
 * @param webhooks every webhook the robot sends through, at least one; the first is {@code webhook}
 *     with {@code secret}. {@code null} or empty means just {@code webhook} and {@code secret}.
 * @param template this robot's message template (mustache text, or a {@link GoTemplateText}'s
 *     {@link GoTemplateText#encoded() encoding}), used for every policy that has none for the
 *     robot's platform; {@code null} for the platform's built-in layout
 */
public record Robot(
    String id, String platform, Secret webhook, Secret secret, String keyword, Map<String, String> options,
    List<Webhook> webhooks, String template) {
  /**
   * Checks the id, platform and webhook, drops an empty keyword and copies the options. Given a
   * pool ({@code webhooks} not empty), {@code webhook} and {@code secret} are taken from its first
   * member, whatever was passed for them.
   *
   * @throws IllegalArgumentException when {@code id} or {@code platform} is empty, or a pool lists
   *     the same webhook twice
   * @throws NullPointerException when {@code webhook} is null and there is no pool
   */
  public Robot {
    Contact.requireId(id, "robot");
    if (platform == null || platform.isBlank()) {
      throw new IllegalArgumentException("robot " + id + ": platform must not be empty");
    }
    if (webhooks == null || webhooks.isEmpty()) {
      Objects.requireNonNull(webhook, "webhook");
      webhooks = List.of(new Webhook(webhook, secret));
    } else {
      webhooks = List.copyOf(webhooks);
      if (webhooks.stream().map(h -> h.url().reveal()).distinct().count() < webhooks.size()) {
        // the platform counts per webhook: the same one twice would double its rate limit
        throw new IllegalArgumentException("robot " + id + ": webhooks lists the same webhook twice");
      }
      webhook = webhooks.get(0).url();
      secret = webhooks.get(0).secret();
    }
    keyword = keyword == null || keyword.isEmpty() ? null : keyword;
    options = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNullElse(options, Map.of())));
  }

  /** A robot with the platform's built-in layout, unless its policies have templates. */
  public Robot(String id, String platform, Secret webhook, Secret secret, String keyword, Map<String, String> options,
      List<Webhook> webhooks) {
    this(id, platform, webhook, secret, keyword, options, webhooks, null);
  }

  /** A robot with one webhook. */
  public Robot(String id, String platform, Secret webhook, Secret secret, String keyword, Map<String, String> options) {
    this(id, platform, webhook, secret, keyword, options, null);
  }

  /** A robot with default options. */
  public Robot(String id, String platform, Secret webhook, Secret secret, String keyword) {
    this(id, platform, webhook, secret, keyword, Map.of());
  }

  /**
   * Starts a builder for a robot with no signing secret, no keyword and no options, as a YAML
   * entry with only these three fields.
   *
   * @param id unique robot id, named by notify rules and schedules
   * @param platform platform id ({@code dingtalk}, {@code lark}, {@code wecom}, ...)
   * @param webhook the webhook URL, access token included, e.g. {@code Secret.fromEnv("DINGTALK_SRE_URL")}
   */
  public static Builder builder(String id, String platform, Secret webhook) {
    return new Builder(id, platform, webhook);
  }

  /** A builder holding this robot's values, to derive a changed copy. */
  public Builder toBuilder() {
    Builder b = new Builder(id, platform, webhook).secret(secret).keyword(keyword).options(options).template(template);
    webhooks.subList(1, webhooks.size()).forEach(h -> b.addWebhook(h.url(), h.secret()));
    return b;
  }

  /** Whether this robot sends through more than one webhook. */
  public boolean isPool() {
    return webhooks.size() > 1;
  }

  /**
   * This robot as its pool member {@code index} alone: same id, platform, keyword and options,
   * that member's webhook and secret. What a platform client is made for; a robot that is no pool
   * is its own member 0.
   *
   * @throws IndexOutOfBoundsException when there is no such member
   */
  public Robot member(int index) {
    Webhook h = webhooks.get(index);
    return webhooks.size() == 1 ? this : new Robot(id, platform, h.url(), h.secret(), keyword, options, null, template);
  }

  /**
   * One webhook of a robot, with the signing secret of the custom robot it belongs to. Both are
   * secrets: {@link #toString()} shows neither.
   *
   * @param url the webhook URL, access token included
   * @param secret its signing secret, or {@code null} when it is not signed (an empty one counts
   *     as none)
   */
  public record Webhook(Secret url, Secret secret) {
    /** @throws NullPointerException when {@code url} is null */
    public Webhook {
      Objects.requireNonNull(url, "url");
      secret = secret == null || secret.isEmpty() ? null : secret;
    }
  }

  /** One option's value, or {@code fallback} when it is not set. */
  public String option(String name, String fallback) {
    return options.getOrDefault(name, fallback);
  }

  /**
   * Robot option: the most alerts one message lists, a whole number of at least 1 (Alertmanager's
   * {@code max_alerts}); the rest are counted ("…and N more alerts"), as alerts over the size limit
   * are. Not set: no limit but the platform's size.
   */
  public static final String OPTION_MAX_ALERTS = "maxAlerts";

  /**
   * The robot's {@value #OPTION_MAX_ALERTS}, or 0 when it sets none (no limit).
   *
   * @throws IllegalArgumentException when the option is not a whole number of at least 1, naming it
   */
  public int maxAlerts() {
    String text = options.get(OPTION_MAX_ALERTS);
    if (text == null) {
      return 0;
    }
    int max = parseMaxAlerts(text);
    if (max == 0) {
      throw new IllegalArgumentException("robot " + id + ": options." + OPTION_MAX_ALERTS + " " + MAX_ALERTS_RULE
          + ", but was \"" + text + "\"");
    }
    return max;
  }

  /** What a {@value #OPTION_MAX_ALERTS} must be, for problems: {@code must be ..., but was "0"}. */
  static final String MAX_ALERTS_RULE = "must be a whole number of at least 1 (the most alerts one message lists)";

  /** {@code text} as a {@value #OPTION_MAX_ALERTS}, or 0 when it is not a whole number of at least 1. */
  static int parseMaxAlerts(String text) {
    if (text == null || !text.matches("[0-9]{1,9}")) { // 9 digits: within int, far above any chat's size
      return 0;
    }
    return Integer.parseInt(text);
  }

  /** Builds a {@link Robot}; {@link #build()} checks every field at once. Not thread-safe. */
  public static final class Builder {
    private final String id;
    private final String platform;
    private final Secret webhook;
    private Secret secret;
    private String keyword;
    private final Map<String, String> options = new LinkedHashMap<>();
    private final List<Webhook> more = new ArrayList<>();
    private String template;

    private Builder(String id, String platform, Secret webhook) {
      this.id = id;
      this.platform = platform;
      this.webhook = webhook;
    }

    /**
     * The signing secret (DingTalk "加签", Lark and WeCom signatures); {@code null} or an empty
     * secret means the robot is not signed, as an empty {@code secret} in YAML does. Default: none.
     */
    public Builder secret(Secret secret) {
      this.secret = secret == null || secret.isEmpty() ? null : secret;
      return this;
    }

    /**
     * A word every message must contain (DingTalk/Lark keyword security); {@code null} or empty
     * means none, the default.
     */
    public Builder keyword(String keyword) {
      this.keyword = keyword;
      return this;
    }

    /**
     * Sets one option ({@code timeZone}, {@code overflow}, {@code actionBaseUrl}, or a platform's
     * own such as DingTalk {@code msgType}); a {@code null} value removes it. The platform module
     * checks names and values when the router starts.
     */
    public Builder option(String name, String value) {
      if (value == null) {
        options.remove(name);
      } else {
        options.put(name, value);
      }
      return this;
    }

    /**
     * Adds a webhook to the robot's pool, after the builder's own ({@link #builder}'s webhook with
     * {@link #secret}) and those added before: the robot's messages are spread over all of them,
     * each within the platform's rate limit (for chats that need more than one robot's 20
     * messages a minute). Add a webhook of another custom robot in the same group chat.
     *
     * @param webhook the other robot's webhook URL, access token included
     * @param secret its signing secret, or {@code null} when it is not signed
     */
    public Builder addWebhook(Secret webhook, Secret secret) {
      more.add(new Webhook(Objects.requireNonNull(webhook, "webhook"), secret));
      return this;
    }

    /**
     * The robot's own message template, in mustache: it replaces the platform's built-in layout for
     * every policy that has no template for this platform (a policy's template wins). {@code null},
     * the default, means none.
     */
    public Builder template(String template) {
      this.template = template;
      return this;
    }

    /** The robot's own message template in Go's syntax ({@link #template(String)}). */
    public Builder goTemplate(GoTemplateText template) {
      return template(template == null ? null : template.encoded());
    }

    /**
     * The most alerts one message lists (option {@value Robot#OPTION_MAX_ALERTS}, Alertmanager's
     * {@code max_alerts}); the rest are counted in an "…and N more alerts" line. {@link #build()}
     * refuses a value below 1. Default: no limit but the platform's size.
     */
    public Builder maxAlerts(int maxAlerts) {
      return option(OPTION_MAX_ALERTS, Integer.toString(maxAlerts));
    }

    /** Replaces all options; {@code null} means none. */
    public Builder options(Map<String, String> options) {
      this.options.clear();
      if (options != null) {
        this.options.putAll(options);
      }
      return this;
    }

    /**
     * Builds the robot.
     *
     * @throws ConfigException naming each field that is missing or wrong: an empty id or platform,
     *     a webhook that is null or not an http(s) URL (whose value is never shown), a pool that
     *     lists one webhook twice
     */
    public Robot build() {
      BuildCheck check = new BuildCheck("robot", id).id("id", id).id("platform", platform).required("webhook", webhook);
      if (webhook != null && !RobotBinder.isHttpUrl(webhook.reveal())) {
        check.problem("webhook", RobotBinder.NOT_A_URL);
      }
      String max = options.get(OPTION_MAX_ALERTS);
      if (max != null && parseMaxAlerts(max) == 0) {
        check.problem("options." + OPTION_MAX_ALERTS, MAX_ALERTS_RULE + ", but was \"" + max + "\"");
      }
      List<Webhook> pool = new ArrayList<>();
      if (!more.isEmpty() && webhook != null) {
        pool.add(new Webhook(webhook, secret));
        for (int i = 0; i < more.size(); i++) {
          String url = more.get(i).url().reveal();
          if (!RobotBinder.isHttpUrl(url)) {
            check.problem("webhooks[" + (i + 1) + "].url", RobotBinder.NOT_A_URL);
          } else if (pool.stream().anyMatch(h -> h.url().reveal().equals(url))) {
            check.problem("webhooks[" + (i + 1) + "].url", RobotBinder.REPEATED);
          }
          pool.add(more.get(i));
        }
      }
      options.forEach((name, value) -> check.id("options", name));
      return check.build(() -> new Robot(id, platform, webhook, secret, keyword, options, pool, template));
    }
  }
}
