/**
 * Test support for alert-router and platform modules: the platform, digest and secret-leak
 * contract tests, issue #19's storm ({@link io.github.alertrouter.testkit.StormAlerts}) and the
 * counts a digest's text shows ({@link io.github.alertrouter.testkit.DigestText}),
 * what every platform simulator shares ({@link io.github.alertrouter.testkit.PlatformSimulator},
 * {@link io.github.alertrouter.testkit.SimulatorServer}, faults, the records of received and
 * rejected messages, raw requests), random inputs, and recorded logs ({@link
 * io.github.alertrouter.testkit.RecordedLogs}, an SLF4J provider a test module registers for
 * itself) with {@link io.github.alertrouter.testkit.SecretLeaks} to check them, and a real
 * PostgreSQL server for store tests ({@link io.github.alertrouter.testkit.PostgresServer}). The
 * DingTalk, Lark and WeCom simulators are their platform modules' test fixtures (test-jars).
 */
package io.github.alertrouter.testkit;
