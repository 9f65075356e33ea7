package io.github.alertrouter.gotemplate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Alertmanager's default templates ({@code __subject}, {@code __text_alert_list},
 * {@code slack.default.*}, ...) parsed once with Alertmanager's functions, as amtool has them
 * before reading any user file. Thread-safe.
 */
public final class AlertmanagerTemplates {
  private static final GoTemplate DEFAULTS = load();

  private AlertmanagerTemplates() {}

  /** The defaults; {@link GoTemplate#parse} user templates on top of them. */
  public static GoTemplate defaults() {
    return DEFAULTS;
  }

  private static GoTemplate load() {
    try (InputStream in = AlertmanagerTemplates.class.getResourceAsStream("default.tmpl")) {
      if (in == null) {
        throw new IllegalStateException("default.tmpl is missing from the core jar");
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return GoTemplate.alertmanager().parse("default.tmpl", text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
