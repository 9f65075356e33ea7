package io.github.alertrouter.spi.render;

import com.samskivert.mustache.Escapers;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import java.util.Map;

/** {@link TemplateEngine#mustache()}. Stateless and thread-safe. */
final class MustacheEngine implements TemplateEngine {
  static final MustacheEngine INSTANCE = new MustacheEngine();
  private static final Mustache.Compiler COMPILER = Mustache.compiler().withEscaper(Escapers.NONE).nullValue("");

  private MustacheEngine() {}

  @Override
  public Template compile(String text) {
    com.samskivert.mustache.Template compiled;
    try {
      compiled = COMPILER.compile(text);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(describe(e), e);
    }
    return (Map<String, ?> context) -> {
      try {
        return compiled.execute(context);
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(describe(e), e);
      }
    };
  }

  /** jmustache reports most errors as {@link MustacheException}, but a few malformed tags as index errors. */
  private static String describe(RuntimeException e) {
    return e instanceof MustacheException ? e.getMessage() : "malformed tag (" + e + ")";
  }
}
