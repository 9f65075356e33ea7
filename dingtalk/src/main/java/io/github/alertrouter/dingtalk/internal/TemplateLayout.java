package io.github.alertrouter.dingtalk.internal;

import com.samskivert.mustache.Escapers;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import io.github.alertrouter.spi.render.AlertFacts;
import io.github.alertrouter.spi.render.Page;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A policy's mustache template as the message text (the title stays built-in). Values come from
 * {@link TemplateContext}, already escaped, so the compiler's own escaper is the identity:
 * re-escaping would mangle the trusted mention line and links. Unknown names are errors (caught by
 * {@link Templates#check} at configuration time), {@code null}s print as {@code ""}.
 *
 * <p>Two things a template cannot lose: when it leaves alerts out and does not print
 * {@code {{more}}}, the "…and N more alerts" line is appended; when it omits any @token (for
 * instance it never prints {@code {{mentions}}}), the missing tokens are appended on a last line.
 */
final class TemplateLayout implements Layout {
  private final Template template;
  private final MessageFacts facts;

  TemplateLayout(Template template, MessageFacts facts) {
    this.template = template;
    this.facts = facts;
  }

  @Override
  public String text(Page<AlertFacts> page) {
    String text;
    try {
      text = template.execute(TemplateContext.of(facts, page)).strip();
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("DingTalk template: " + describe(e), e);
    }
    if (page.omitted() > 0 && !text.contains(page.moreLine())) {
      text = text + "\n\n" + page.moreLine();
    }
    return page.carriesMentions() ? MentionMarkup.withTokens(text, facts.tokens()) : text;
  }

  /** jmustache reports most errors as {@link MustacheException}, but a few malformed tags as index errors. */
  static String describe(RuntimeException e) {
    return e instanceof MustacheException ? e.getMessage() : "malformed tag (" + e + ")";
  }

  /** Compiled templates, cached by their text. Thread-safe. */
  static final class Templates {
    private static final Mustache.Compiler COMPILER =
        Mustache.compiler().withEscaper(Escapers.NONE).nullValue("");
    private final ConcurrentHashMap<String, Template> cache = new ConcurrentHashMap<>();

    /** @throws IllegalArgumentException with the syntax error */
    Template compile(String text) {
      Template t = cache.get(text);
      if (t != null) {
        return t;
      }
      try {
        t = COMPILER.compile(text);
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("DingTalk template: " + describe(e), e);
      }
      cache.putIfAbsent(text, t);
      return t;
    }

    /** Syntax errors, and unknown names found by rendering a sample notification. */
    static List<String> check(String text, MessageFacts sampleFacts, Page<AlertFacts> samplePage) {
      try {
        COMPILER.compile(text).execute(TemplateContext.of(sampleFacts, samplePage));
        return List.of();
      } catch (RuntimeException e) {
        return List.of(describe(e));
      }
    }
  }
}
