package io.github.alertrouter.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Properties;

/**
 * What was built and what runs it: the version Maven wrote into {@code build.properties}, the
 * Java version and the platform. Printed by {@code --version} (in Alertmanager's layout) and
 * exported as {@code alert_router_build_info}. Immutable.
 *
 * @param version the project's version, or {@code "unknown"} when the file is missing
 * @param javaVersion the running JVM's version
 * @param platform operating system and architecture, as {@code linux/amd64}
 */
record BuildInfo(String version, String javaVersion, String platform) {
  /** This build, on this JVM. */
  static BuildInfo current() {
    String version = "unknown";
    try (InputStream in = BuildInfo.class.getResourceAsStream("build.properties")) {
      if (in != null) {
        Properties p = new Properties();
        p.load(in);
        version = p.getProperty("version", version);
      }
    } catch (IOException e) {
      // a jar that cannot be read would not have started; "unknown" is still true
    }
    String arch = System.getProperty("os.arch");
    return new BuildInfo(version, System.getProperty("java.version"),
        System.getProperty("os.name").toLowerCase(Locale.ROOT) + "/" + (arch.equals("x86_64") ? "amd64" : arch));
  }

  /** What {@code --version} prints. */
  String describe() {
    return "alert-router, version " + version + "\n  java version: " + javaVersion + "\n  platform: " + platform + "\n";
  }
}
