package io.github.alertrouter.gotemplate;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs Debian's {@code amtool template render} as a bounded process, for differential tests. */
final class Amtool {
  /** Alertmanager's default templates as we ship them; Debian's amtool has none built in. */
  static final Path DEFAULT_TMPL =
      Path.of("src/main/resources/io/github/alertrouter/gotemplate/default.tmpl");

  record Result(int exit, String stdout, String stderr) {
    /** The message amtool printed after {@code amtool: error: }, or null. */
    String error() {
      String prefix = "amtool: error: ";
      return stderr.startsWith(prefix) ? stderr.substring(prefix.length()).stripTrailing() : null;
    }
  }

  private final String binary;
  private final Path home;

  private Amtool(String binary, Path home) {
    this.binary = binary;
    this.home = home;
  }

  /** The installed amtool; skips the test without it unless ALERT_ROUTER_REQUIRE_AMTOOL=1. */
  static Amtool find(Path home) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      Path candidate = Path.of(dir, "amtool");
      if (Files.isExecutable(candidate)) {
        return new Amtool(candidate.toString(), home);
      }
    }
    if ("1".equals(System.getenv("ALERT_ROUTER_REQUIRE_AMTOOL"))) {
      fail("amtool is required (ALERT_ROUTER_REQUIRE_AMTOOL=1) but not on the PATH; "
          + "install Debian's prometheus-alertmanager");
    }
    assumeTrue(false, "amtool not installed; .ci/run installs it");
    return null;
  }

  /** {@code amtool template render --template.glob=... --template.text=TEXT [--template.data=DATA]}. */
  Result render(List<Path> globs, String text, Path data) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(binary, "template", "render"));
    globs.forEach(g -> cmd.add("--template.glob=" + g));
    cmd.add("--template.text=" + text);
    if (data != null) {
      cmd.add("--template.data=" + data);
    }
    return run(cmd);
  }

  Result run(List<String> cmd) throws IOException, InterruptedException {
    ProcessBuilder b = new ProcessBuilder(cmd);
    b.environment().put("HOME", home.toString()); // no ~/.config/amtool/config.yml
    b.environment().put("TZ", "UTC"); // .Local is UTC on our side
    Path out = Files.createTempFile(home, "out", ".txt");
    Path err = Files.createTempFile(home, "err", ".txt");
    b.redirectOutput(out.toFile()).redirectError(err.toFile());
    b.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
    Process p = b.start();
    if (!p.waitFor(20, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail("amtool did not finish in 20 s: " + cmd);
    }
    return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}
