package io.github.alertrouter.store.postgresql;

import io.github.alertrouter.testkit.PostgresServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real PostgreSQL server for one test class, started before its first test (or the class is
 * skipped where none is installed, as {@link PostgresServer#startOrSkip} says) and stopped after
 * its last: {@code @RegisterExtension static final OnPostgres POSTGRES = new OnPostgres();}.
 */
final class OnPostgres implements BeforeAllCallback, AfterAllCallback {
  private PostgresServer server;

  @Override
  public void beforeAll(ExtensionContext context) {
    server = PostgresServer.startOrSkip();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (server != null) {
      server.close();
      server = null;
    }
  }

  PostgresServer server() {
    return server;
  }
}
