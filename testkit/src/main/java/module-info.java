/**
 * What a platform module, or an application, tests with: contract tests every platform must pass
 * (JUnit classes to extend), the DingTalk, Lark and WeCom simulators, a recording SLF4J provider
 * and log assertions.
 */
module io.github.alertrouter.testkit {
  requires transitive io.github.alertrouter.core;
  // Contract tests are JUnit classes written with AssertJ; RecordingLogProvider is an SLF4J provider.
  requires transitive org.junit.jupiter.api;
  requires transitive org.junit.jupiter.params;
  requires transitive org.assertj.core;
  requires transitive org.slf4j;

  exports io.github.alertrouter.testkit;
  // JUnit reads the contract tests' methods reflectively.
  opens io.github.alertrouter.testkit to org.junit.platform.commons;

  provides org.slf4j.spi.SLF4JServiceProvider with io.github.alertrouter.testkit.RecordingLogProvider;
}
