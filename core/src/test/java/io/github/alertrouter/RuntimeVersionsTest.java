package io.github.alertrouter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Each test run has the Jackson and Java it claims: the build's own Jackson in the main pass, the
 * oldest supported one on Java 25 in the compat pass (root POM). Without this, a class path that
 * quietly kept the newer jars would make the compat pass prove nothing.
 */
class RuntimeVersionsTest {
  @Test
  void jacksonIsTheVersionThisRunWasGiven() {
    String expected = System.getProperty("expected.jackson.version");
    org.junit.jupiter.api.Assumptions.assumeTrue(expected != null, "run outside Maven: nothing claimed");
    assertThat(com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.toString()).isEqualTo(expected);
    assertThat(com.fasterxml.jackson.core.json.PackageVersion.VERSION.toString()).isEqualTo(expected);
    assertThat(com.fasterxml.jackson.dataformat.yaml.PackageVersion.VERSION.toString()).isEqualTo(expected);
  }

  @Test
  void javaIsTheVersionThisRunWasGiven() {
    String expected = System.getProperty("expected.java.feature");
    org.junit.jupiter.api.Assumptions.assumeTrue(expected != null, "the main pass runs on whatever JDK runs Maven");
    assertThat(Runtime.version().feature()).isEqualTo(Integer.parseInt(expected));
  }
}
