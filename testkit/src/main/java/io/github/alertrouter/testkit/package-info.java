/**
 * Test support for alert-router and platform modules: platform simulators, virtual time, and the
 * platform contract test.
 */
package io.github.alertrouter.testkit;
