package io.github.alertrouter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays every case the real amtool 0.25 answered (recorded by tools/amtool-corpus/record.sh) and
 * requires the same exit code and the same stdout, byte for byte; for errors, stderr must carry
 * amtool's message (our messages add the config path in front).
 */
class AmtoolCorpusTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static Stream<Arguments> cases() throws IOException, URISyntaxException {
    Path corpus = corpusDir();
    List<Arguments> rows = new ArrayList<>();
    for (String line : Files.readAllLines(corpus.resolve("expected.jsonl"), StandardCharsets.UTF_8)) {
      JsonNode row = JSON.readTree(line);
      if (row.get("tree").isNull()) {
        continue; // amtool queried a running Alertmanager; we only read config files
      }
      List<String> args = new ArrayList<>();
      row.get("args").forEach(a -> args.add(a.asText()));
      if (args.contains("--help") || args.contains("-h")) {
        continue; // kingpin's usage text is amtool's own
      }
      String tree = row.get("tree").asText();
      rows.add(Arguments.of(
          Named.of(tree + " " + args, corpus.resolve(tree).toString()),
          args, row.get("exit").asInt(), row.get("stdout").asText(), row.get("stderr").asText()));
    }
    return rows.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void answersLikeAmtool(String treeFile, List<String> args, int exit, String stdout, String stderr) {
    List<String> argv = new ArrayList<>(List.of("routes", "test", "--config.file=" + treeFile));
    argv.addAll(args);
    CliRun run = CliRun.of(argv);

    assertThat(run.exit()).as("exit code; stderr: %s", run.stderr()).isEqualTo(exit);
    assertThat(run.stdout()).isEqualTo(stdout);
    String amtoolError = errorMessage(stderr);
    if (amtoolError == null) {
      assertThat(run.stderr()).isEmpty();
    } else if (amtoolError.startsWith("yaml:")) {
      assertThat(run.stderr()).startsWith("alert-router: error: "); // go-yaml's wording is its own
    } else if (amtoolError.contains("'trees")) {
      // amtool names the file as given on its command line; we were given an absolute path
      assertThat(run.stderr()).contains(amtoolError.substring(amtoolError.lastIndexOf('\'') + 1));
    } else {
      assertThat(run.stderr()).contains(amtoolError);
    }
  }

  /** The first line of amtool's message after "amtool: error: ", or null when it printed none. */
  private static String errorMessage(String stderr) {
    int at = stderr.indexOf("amtool: error: ");
    if (at < 0) {
      return null;
    }
    String message = stderr.substring(at + "amtool: error: ".length());
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }

  static Path corpusDir() throws URISyntaxException {
    return Path.of(AmtoolCorpusTest.class.getResource("/amtool-corpus/expected.jsonl").toURI()).getParent();
  }
}
