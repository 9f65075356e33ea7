package io.github.alertrouter.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the real amtool (Alertmanager 0.25, Debian's prometheus-alertmanager) and our
 * {@code routes test} on the same randomly generated trees and alerts, and requires identical
 * stdout and exit codes. Skipped when amtool is not installed, unless
 * {@code ALERT_ROUTER_REQUIRE_AMTOOL=1} (set by .ci/run), which makes its absence a failure.
 */
class AmtoolDifferentialTest {
  private static final long SEED = 20261125L;
  private static final int TREES = 80;
  private static final int ALERTS_PER_TREE = 5;

  @Test
  void randomTreesRouteExactlyAsAmtoolRoutesThem(@TempDir Path dir) throws Exception {
    String amtool = findAmtool();
    RandomRoutingTrees random = new RandomRoutingTrees(SEED);
    Path home = Files.createDirectories(dir.resolve("home"));
    int compared = 0;
    int routed = 0;
    for (int t = 0; t < TREES; t++) {
      Path tree = dir.resolve("tree-" + t + ".yml");
      Files.writeString(tree, random.tree(), StandardCharsets.UTF_8);
      for (int a = 0; a < ALERTS_PER_TREE; a++) {
        List<String> args = new ArrayList<>();
        if (random.coin()) {
          args.add("--tree");
        }
        args.add("--config.file=" + tree);
        args.addAll(random.labels());

        List<String> command = new ArrayList<>(List.of(amtool, "config", "routes", "test"));
        command.addAll(args);
        ProcessResult expected = run(command, home);
        List<String> ours = new ArrayList<>(List.of("routes", "test"));
        ours.addAll(args);
        CliRun actual = CliRun.of(ours);

        String context = "tree:\n" + Files.readString(tree) + "\nargs: " + args + "\namtool stderr: " + expected.stderr;
        assertThat(actual.exit()).as(context).isEqualTo(expected.exit);
        assertThat(actual.stdout()).as(context).isEqualTo(expected.stdout);
        compared++;
        routed += expected.exit == 0 ? 1 : 0;
      }
    }
    assertThat(compared).isEqualTo(TREES * ALERTS_PER_TREE);
    // the generator makes valid trees: agreeing on errors alone would prove little
    assertThat(routed).as("cases amtool routed").isEqualTo(compared);
  }

  private static String findAmtool() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      Path candidate = Path.of(dir, "amtool");
      if (Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    if ("1".equals(System.getenv("ALERT_ROUTER_REQUIRE_AMTOOL"))) {
      fail("amtool is required (ALERT_ROUTER_REQUIRE_AMTOOL=1) but not on the PATH; "
          + "install Debian's prometheus-alertmanager");
    }
    assumeTrue(false, "amtool not installed; .ci/run installs it");
    return null;
  }

  private static ProcessResult run(List<String> command, Path home) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command);
    Map<String, String> env = builder.environment();
    env.put("HOME", home.toString()); // amtool reads ~/.config/amtool/config.yml; keep it empty
    builder.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
    Process process = builder.start();
    byte[] out = process.getInputStream().readAllBytes();
    byte[] err = process.getErrorStream().readAllBytes();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail("amtool did not finish: " + command);
    }
    return new ProcessResult(process.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
  }

  private record ProcessResult(int exit, String stdout, String stderr) {}
}
