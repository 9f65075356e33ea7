/**
 * What a platform module, or an application, tests with: contract tests every platform must pass
 * (JUnit classes to extend), the base the platform modules' simulators share, a recording SLF4J
 * provider and log assertions, and a real PostgreSQL server for store tests.
 */
module io.github.alertrouter.testkit {
  requires transitive io.github.alertrouter.core;
  // Contract tests are JUnit classes written with AssertJ; RecordingLogProvider is an SLF4J provider.
  requires transitive org.junit.jupiter.api;
  requires transitive org.junit.jupiter.params;
  requires transitive org.assertj.core;
  requires transitive org.slf4j;
  // SimulatorHttp sends raw requests to a simulator and returns the JDK's HttpResponse.
  requires transitive java.net.http;

  exports io.github.alertrouter.testkit;
  // JUnit reads the contract tests' methods reflectively.
  opens io.github.alertrouter.testkit to org.junit.platform.commons;

  provides org.slf4j.spi.SLF4JServiceProvider with io.github.alertrouter.testkit.RecordingLogProvider;
}
