package io.github.alertrouter.spi.render;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One platform's policy templates: compiled once by a {@link TemplateEngine} and cached by their
 * text, and checked at configuration time. Errors name the platform:
 * {@code DingTalk template: Section close tag with no open tag 'firing' @ line 1}.
 *
 * <pre>{@code
 * Templates templates = new Templates("DingTalk");
 * String text = templates.compile(request.template()).text(context, page, "\n\n");
 * }</pre>
 *
 * <p>Thread-safe; the cache grows with the distinct template texts of the configuration.
 */
final class Templates {
  private final String platform;
  private final TemplateEngine engine;
  private final ConcurrentHashMap<String, Template> cache = new ConcurrentHashMap<>();

  /** Mustache templates for {@code platform} (its display name, as in error messages). */
  public Templates(String platform) {
    this(platform, TemplateEngine.mustache());
  }

  /** Templates in {@code engine}'s language for {@code platform}. */
  public Templates(String platform, TemplateEngine engine) {
    this.platform = Objects.requireNonNull(platform, "platform");
    this.engine = Objects.requireNonNull(engine, "engine");
  }

  /**
   * {@code text} compiled (from the cache when it was before). Rendering the result throws
   * {@link IllegalArgumentException}s named for the platform too.
   *
   * @throws IllegalArgumentException {@code "<platform> template: "} and the syntax error
   */
  public Template compile(String text) {
    Template t = cache.get(text);
    if (t != null) {
      return t;
    }
    Template compiled;
    try {
      compiled = engine.compile(text);
    } catch (IllegalArgumentException e) {
      throw named(e);
    }
    t = context -> {
      try {
        return compiled.render(context);
      } catch (IllegalArgumentException e) {
        throw named(e);
      }
    };
    Template earlier = cache.putIfAbsent(text, t);
    return earlier == null ? t : earlier;
  }

  /**
   * Problems with {@code text}: its syntax error, or the error of rendering it with
   * {@code sampleContext} (a context with every value filled, so an unknown name shows). Empty when
   * it is valid; the messages do not name the platform (a config path does).
   */
  public List<String> check(String text, Map<String, ?> sampleContext) {
    try {
      engine.compile(text).render(sampleContext);
      return List.of();
    } catch (IllegalArgumentException e) {
      return List.of(e.getMessage());
    }
  }

  private IllegalArgumentException named(IllegalArgumentException e) {
    return new IllegalArgumentException(platform + " template: " + e.getMessage(), e.getCause() == null ? e : e.getCause());
  }
}
