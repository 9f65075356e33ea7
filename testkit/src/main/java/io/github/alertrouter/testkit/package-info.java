/**
 * Test support for alert-router and platform modules: platform simulators, virtual time, the
 * platform and secret-leak contract tests, and recorded logs ({@link
 * io.github.alertrouter.testkit.RecordedLogs}, an SLF4J provider a test module registers for
 * itself) with {@link io.github.alertrouter.testkit.SecretLeaks} to check them.
 */
package io.github.alertrouter.testkit;
