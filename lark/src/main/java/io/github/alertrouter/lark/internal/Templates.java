package io.github.alertrouter.lark.internal;

import com.samskivert.mustache.Escapers;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import io.github.alertrouter.spi.render.AlertFacts;
import io.github.alertrouter.spi.render.Page;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Policies' mustache templates ({@code notifyRule.templates.lark}), compiled once and cached by
 * their text. A template writes the card markdown, the post's text paragraphs or the text
 * message's content; the title, buttons and mentions stay built-in (missing mention tags are
 * appended, see {@link MentionMarkup#withTags}). Values come from {@link TemplateContext}, already
 * escaped, so the compiler's own escaper is the identity: re-escaping would mangle the trusted
 * mention tags and links. Unknown names are errors (reported by {@link #check} at configuration
 * time), {@code null}s print as {@code ""}. Thread-safe.
 */
final class Templates {
  private static final Mustache.Compiler COMPILER = Mustache.compiler().withEscaper(Escapers.NONE).nullValue("");
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
      throw new IllegalArgumentException("Lark template: " + describe(e), e);
    }
    cache.putIfAbsent(text, t);
    return t;
  }

  /** The template's text for a page; "…and N more alerts" is appended when it left it out. */
  static Function<Page<AlertFacts>, String> text(Template template, MessageFacts facts) {
    return page -> {
      String text;
      try {
        text = template.execute(TemplateContext.of(facts, page)).strip();
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("Lark template: " + describe(e), e);
      }
      return page.omitted() > 0 && !text.contains(page.moreLine()) ? text + "\n" + page.moreLine() : text;
    };
  }

  /** Syntax errors, and unknown names found by rendering a sample page. */
  static List<String> check(String text, MessageFacts sampleFacts, Page<AlertFacts> samplePage) {
    try {
      COMPILER.compile(text).execute(TemplateContext.of(sampleFacts, samplePage));
      return List.of();
    } catch (RuntimeException e) {
      return List.of(describe(e));
    }
  }

  /** jmustache reports most errors as {@link MustacheException}, but a few malformed tags as index errors. */
  static String describe(RuntimeException e) {
    return e instanceof MustacheException ? e.getMessage() : "malformed tag (" + e + ")";
  }
}
