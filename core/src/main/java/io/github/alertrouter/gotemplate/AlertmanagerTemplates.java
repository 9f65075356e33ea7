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
    return load("default.tmpl", GoTemplate.alertmanager());
  }

  /** A template file of this package's resources parsed on {@code base}, named {@code default.tmpl}. */
  static GoTemplate load(String resource, GoTemplate base) {
    try (InputStream in = AlertmanagerTemplates.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from the core jar");
      }
      return base.parse("default.tmpl", new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
