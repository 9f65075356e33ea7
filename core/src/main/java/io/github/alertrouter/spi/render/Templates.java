package io.github.alertrouter.spi.render;

import io.github.alertrouter.config.NotifyRule;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One platform's policy templates: compiled once by a {@link TemplateEngine} (mustache, or Go's
 * {@code text/template} for a text marked {@link NotifyRule#GO_SYNTAX_MARK}) and cached by their
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
  private final TemplateEngine go;
  private final ConcurrentHashMap<String, Template> cache = new ConcurrentHashMap<>();

  /** Mustache templates for {@code platform} (its display name, as in error messages). */
  public Templates(String platform) {
    this(platform, TemplateEngine.mustache());
  }

  /**
   * Mustache templates, and Go ones ({@link NotifyRule#GO_SYNTAX_MARK}) named {@code id} in Go's
   * messages, for {@code platform} (its display name).
   */
  public Templates(String platform, String id) {
    this(platform, TemplateEngine.mustache(), GoMessageTemplate.engine(id));
  }

  /** Templates in {@code engine}'s language for {@code platform}. */
  public Templates(String platform, TemplateEngine engine) {
    this(platform, engine, engine);
  }

  private Templates(String platform, TemplateEngine engine, TemplateEngine go) {
    this.platform = Objects.requireNonNull(platform, "platform");
    this.engine = Objects.requireNonNull(engine, "engine");
    this.go = go;
  }

  private TemplateEngine engineOf(String text) {
    return NotifyRule.isGoTemplate(text) ? go : engine;
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
      compiled = engineOf(text).compile(text);
    } catch (IllegalArgumentException e) {
      throw named(e);
    }
    t = new Named(compiled);
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
      Template t = engineOf(text).compile(text);
      if (NotifyRule.isGoTemplate(text)) {
        // Go templates read the alerts from the page: the sample's, so a misspelt field shows
        Page<AlertFacts> sample = Page.whole(AlertFacts.all(TemplateContext.sampleNotification(), ZoneOffset.UTC,
            PLAIN, AlertFacts.MAX_LABEL_VALUE));
        t.text(sampleContext, sample, "\n");
        t.title(sampleContext, sample);
      } else {
        t.render(sampleContext);
      }
      return List.of();
    } catch (IllegalArgumentException e) {
      return List.of(e.getMessage());
    }
  }

  /** Makes nothing inert: the sample notification's values are plain words. */
  private static final Escaper PLAIN = new Escaper() {
    @Override
    public String inline(String raw, int max) {
      return raw == null ? "" : raw;
    }

    @Override
    public String block(String raw, int max) {
      return raw == null ? "" : raw;
    }
  };

  /** A compiled template whose errors name the platform. */
  private final class Named implements Template {
    private final Template compiled;

    Named(Template compiled) {
      this.compiled = compiled;
    }

    @Override
    public String render(Map<String, ?> context) {
      try {
        return compiled.render(context);
      } catch (IllegalArgumentException e) {
        throw named(e);
      }
    }

    @Override
    public String text(Map<String, ?> context, Page<?> page, String separator) {
      try {
        return compiled.text(context, page, separator);
      } catch (IllegalArgumentException e) {
        throw named(e);
      }
    }

    @Override
    public boolean hasTitle() {
      return compiled.hasTitle();
    }

    @Override
    public String title(Map<String, ?> context, Page<?> page) {
      try {
        return compiled.title(context, page);
      } catch (IllegalArgumentException e) {
        throw named(e);
      }
    }
  }

  private IllegalArgumentException named(IllegalArgumentException e) {
    return new IllegalArgumentException(platform + " template: " + e.getMessage(), e.getCause() == null ? e : e.getCause());
  }
}
