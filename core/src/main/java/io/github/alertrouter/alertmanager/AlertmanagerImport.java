package io.github.alertrouter.alertmanager;

import io.github.alertrouter.config.RouterConfig;
import java.util.List;

/**
 * The result of importing an {@code alertmanager.yml}: the equivalent configuration, and one
 * warning for everything that was not imported (receivers' integrations, templates, global
 * settings...), so nothing is dropped silently. Immutable and thread-safe.
 *
 * @param config the imported configuration: one top-level policy, the Alertmanager root route,
 *     with the routing tree nested under it
 * @param warnings what was not imported and why, each naming its config path
 */
public record AlertmanagerImport(RouterConfig config, List<String> warnings) {
  public AlertmanagerImport {
    warnings = List.copyOf(warnings);
  }
}
