package io.github.alertrouter.alertmanager;

import io.github.alertrouter.config.ConfigException;
import io.github.alertrouter.config.ConfigProblem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Imports an Alertmanager 0.25 {@code alertmanager.yml}: the {@code route} tree becomes one
 * top-level notification policy (the root, named after its receiver, with Alertmanager's defaults
 * 30s / 5m / 4h and no grouping made explicit) with the tree nested under {@code routes};
 * {@code inhibit_rules} and {@code time_intervals} are imported; mute/active time intervals stay
 * references. Matchers in every form Alertmanager accepts ({@code matchers}, legacy {@code match}
 * / {@code match_re}) become conditions. Everything not imported is returned as a warning.
 *
 * <p>Config errors Alertmanager itself would reject (unknown fields, undefined receivers, bad
 * matchers, a root route with matchers, ...) are {@link ConfigException}s listing all of them.
 * Stateless and thread-safe.
 */
public final class AlertmanagerConfigImporter {
  private AlertmanagerConfigImporter() {}

  /** Imports a file. */
  public static AlertmanagerImport importFile(Path file) {
    return importYaml(read(file), file.toString());
  }

  /** The file's text, or a {@link ConfigException} naming it. */
  static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigException(file.toString(), List.of(new ConfigProblem("", "cannot read file: " + e)));
    }
  }

  /** Imports YAML text; {@code source} names it in error messages. */
  public static AlertmanagerImport importYaml(String yaml, String source) {
    return AlertmanagerYamlImporter.importYaml(yaml, source);
  }
}
