package io.github.alertrouter.spring;

import io.github.alertrouter.AlertRouter;

/**
 * Adjusts the builder of the auto-configured {@link AlertRouter} before it is built: a clock or
 * scheduler, state stores ({@code JournalStores}, {@code PostgresStores}), an action key, a retry
 * policy. Declare one or more as beans; they run in {@link org.springframework.core.Ordered}
 * order, after the starter has set the configuration, the platforms and the listeners, so a
 * customizer may replace those too. Called once, on the thread that creates the router.
 */
@FunctionalInterface
public interface AlertRouterBuilderCustomizer {
  /** Changes {@code builder} in place. */
  void customize(AlertRouter.Builder builder);
}
