package io.github.alertrouter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/alert-router} with its class-data archive, on the jar this build packaged (so this
 * runs after {@code package}, in the {@code integration-test} phase). Each test lays out a copy of
 * the launcher and the jar as in the repository ({@code ROOT/bin/alert-router}, {@code
 * ROOT/cli/target/alert-router.jar}: the jar is newer than the absent sources, so the launcher
 * builds nothing) and runs the real script: the commands must print exactly what they print
 * without the archive ({@code ALERT_ROUTER_CDS=off}) and nothing about the JVM, whatever state the
 * archive is in. No timings: those are in docs/startup.md.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ClassDataArchiveIT {
  private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
  private static final Path JAR = REPOSITORY.resolve("cli/target/alert-router.jar");
  /** The commands compared, run in the layout's root on its copy of the samples (paths appear in the output). */
  private static final List<List<String>> COMMANDS = List.of(
      List.of("--help"),
      List.of("validate", "--config", "samples/alert-router.yaml"),
      List.of("routes", "test", "--config.file", "samples/alertmanager.yml", "--tree",
          "team=payments", "severity=critical", "service=pay_api"),
      List.of("preview", "--config", "samples/alert-router.yaml",
          "--alerts", "samples/alerts.json", "--at", "2026-03-08T02:00:00Z"),
      List.of("oncall", "--config", "samples/alert-router.yaml", "--schedule", "primary",
          "--at", "2026-03-08T02:00:00Z", "--format", "json"),
      // a bad input: the same error and exit code
      List.of("routes", "test", "--config.file", "samples/missing.yml"));

  private static final List<Run> WITHOUT_ARCHIVE = new ArrayList<>();

  @TempDir
  Path dir;

  @BeforeAll
  static void runWithoutTheArchive(@TempDir Path dir) throws Exception {
    // -Dtest=ClassDataArchiveIT also runs it in the test phase, before package
    assertThat(JAR).as("the packaged jar: this test runs in integration-test (mvn verify)").exists();
    Path root = layout(dir);
    for (List<String> command : COMMANDS) {
      WITHOUT_ARCHIVE.add(run(root, Map.of("ALERT_ROUTER_CDS", "off"), command));
    }
    assertThat(archives(root)).as("ALERT_ROUTER_CDS=off writes no archive").isEmpty();
  }

  @Test
  void theFirstRunWritesTheArchiveAndEveryCommandPrintsTheSameWithIt() throws Exception {
    Path root = layout(dir);

    assertSameAsWithout(root);

    assertThat(archives(root)).singleElement().satisfies(archive -> assertThat(Files.size(archive)).isPositive());
    assertThat(leftovers(root)).isEmpty();
    assertThat(loadedFromTheArchive(root)).as("the archive is used").isTrue();
  }

  @Test
  void anArchiveOfAnotherJarIsIgnoredSilentlyAndARebuildGetsANewOne() throws Exception {
    Path root = layout(dir);
    Path jar = root.resolve("cli/target/alert-router.jar");
    run(root, Map.of(), COMMANDS.get(0)); // trains
    Path archive = archives(root).get(0);
    Instant trained = Files.getLastModifiedTime(archive).toInstant();
    // the same path with another time stamp is another jar to the JVM; the archive stays newer than it
    Files.setLastModifiedTime(jar, FileTime.from(trained.minus(Duration.ofHours(1))));

    assertSameAsWithout(root);
    assertThat(loadedFromTheArchive(root)).as("the JVM refused the archive of the other jar").isFalse();
    assertThat(archives(root)).containsExactly(archive);

    // as after a rebuild: the jar newer than the archive
    Files.setLastModifiedTime(archive, FileTime.from(trained.minus(Duration.ofHours(2))));

    assertSameAsWithout(root);
    assertThat(archives(root)).containsExactly(archive);
    assertThat(Files.getLastModifiedTime(archive)).isGreaterThan(Files.getLastModifiedTime(jar));
    assertThat(loadedFromTheArchive(root)).as("the new archive is used").isTrue();
  }

  @Test
  void concurrentFirstRunsAllAnswerAndLeaveOneArchive() throws Exception {
    Path root = layout(dir);
    List<Process> processes = new ArrayList<>();
    List<Path> outputs = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Path out = dir.resolve("out-" + i);
      outputs.add(out);
      processes.add(start(root, Map.of(), COMMANDS.get(2), out, dir.resolve("err-" + i)));
    }
    for (int i = 0; i < processes.size(); i++) {
      assertThat(processes.get(i).waitFor(3, TimeUnit.MINUTES)).isTrue();
      Run run = new Run(processes.get(i).exitValue(), Files.readString(outputs.get(i)),
          Files.readString(dir.resolve("err-" + i)));
      assertThat(run).isEqualTo(WITHOUT_ARCHIVE.get(2));
    }

    assertThat(archives(root)).singleElement().satisfies(archive -> assertThat(Files.size(archive)).isPositive());
    assertThat(leftovers(root)).isEmpty();
  }

  @Test
  void aDirectoryItCannotWriteMeansNoArchiveAndNoNoise() throws Exception {
    Path root = layout(dir);
    Path target = root.resolve("cli/target");
    List<String> asUser = List.of();
    if (isRoot()) {
      // root writes anywhere: run the launcher as nobody, who may read the copy but not write it
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
      asUser = List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups");
    } else {
      Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("r-xr-xr-x"));
    }
    try {
      for (int i = 0; i < COMMANDS.size(); i++) {
        assertThat(run(root, Map.of(), COMMANDS.get(i), asUser)).isEqualTo(WITHOUT_ARCHIVE.get(i));
      }
      assertThat(archives(root)).isEmpty();
    } finally {
      Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  /** Runs every command with the archive in whatever state {@code root} holds; each prints what it prints without. */
  /**
   * serve's JVM options (measured beside Alertmanager, docs/benchmarks.md): C1 only, the serial
   * collector and a small first heap; a collector the user picks in ALERT_ROUTER_JAVA_OPTS
   * replaces the serial one (the JVM refuses two, and serve would not start).
   */
  @Test
  void serveRunsWithItsOptionsAndStartsWithACollectorOfTheUsersOwn() throws Exception {
    Path root = layout(dir);
    assertThat(serveCommandLine(root, Map.of())).contains("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xms32m");
    assertThat(serveCommandLine(root, Map.of("ALERT_ROUTER_JAVA_OPTS", "-XX:+UseParallelGC")))
        .contains("-XX:TieredStopAtLevel=1", "-XX:+UseParallelGC").doesNotContain("-XX:+UseSerialGC");
  }

  /** Starts serve through the launcher, waits until it listens, and returns its JVM's command line. */
  private List<String> serveCommandLine(Path root, Map<String, String> env) throws Exception {
    Path out = Files.createTempFile(root, "stdout", ".txt");
    Path err = Files.createTempFile(root, "stderr", ".txt");
    Process serve = start(root, env, List.of("serve", "--config", "samples/alert-router.yaml",
        "--listen", "127.0.0.1:0"), out, err);
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!(Files.readString(out) + Files.readString(err)).contains("listening on http://")) {
        assertThat(serve.isAlive()).as("serve runs: %s", Files.readString(err)).isTrue();
        assertThat(System.nanoTime() - deadline).as("serve listens within 60 s").isNegative();
        Thread.sleep(20);
      }
      // the launcher execs java: the process it started is the JVM
      String cmdline = Files.readString(Path.of("/proc", Long.toString(serve.pid()), "cmdline"));
      return List.of(cmdline.split("\u0000"));
    } finally {
      serve.destroy();
      serve.waitFor(30, TimeUnit.SECONDS);
    }
  }

  private static void assertSameAsWithout(Path root) throws Exception {
    for (int i = 0; i < COMMANDS.size(); i++) {
      Run run = run(root, Map.of(), COMMANDS.get(i));
      assertThat(run).as("alert-router %s", String.join(" ", COMMANDS.get(i))).isEqualTo(WITHOUT_ARCHIVE.get(i));
    }
  }

  /** Whether the CLI's own classes come from the archive (the JVM logs that to a file, not the output). */
  private static boolean loadedFromTheArchive(Path root) throws Exception {
    Path log = root.resolve("class-load.log");
    Run run = run(root, Map.of("ALERT_ROUTER_JAVA_OPTS", "-Xlog:class+load=info:file=" + log), COMMANDS.get(0));
    assertThat(run).isEqualTo(WITHOUT_ARCHIVE.get(0));
    try (Stream<String> lines = Files.lines(log)) {
      return lines.anyMatch(line -> line.contains(" " + Main.class.getName() + " source: shared objects file"));
    }
  }

  /** ROOT/bin/alert-router, ROOT/cli/target/alert-router.jar and ROOT/samples, copied from this repository. */
  private static Path layout(Path root) throws IOException {
    Files.createDirectories(root.resolve("bin"));
    Files.createDirectories(root.resolve("cli/target"));
    Files.createDirectories(root.resolve("samples"));
    Files.copy(REPOSITORY.resolve("bin/alert-router"), root.resolve("bin/alert-router"),
        StandardCopyOption.COPY_ATTRIBUTES); // executable
    Files.copy(JAR, root.resolve("cli/target/alert-router.jar"));
    for (String sample : List.of("alert-router.yaml", "alertmanager.yml", "alerts.json")) {
      Files.copy(REPOSITORY.resolve("samples").resolve(sample), root.resolve("samples").resolve(sample));
    }
    return root;
  }

  private static List<Path> archives(Path root) throws IOException {
    try (Stream<Path> files = Files.list(root.resolve("cli/target"))) {
      return files.filter(f -> f.getFileName().toString().endsWith(".jsa")).toList();
    }
  }

  /** What a training leaves only when interrupted: its temporary archive. */
  private static List<Path> leftovers(Path root) throws IOException {
    try (Stream<Path> files = Files.list(root.resolve("cli/target"))) {
      return files.filter(f -> f.getFileName().toString().contains(".jsa.")).toList();
    }
  }

  private static boolean isRoot() throws IOException, InterruptedException {
    Process id = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
    String uid = new String(id.getInputStream().readAllBytes()).strip();
    id.waitFor();
    return uid.equals("0");
  }

  record Run(int exit, String stdout, String stderr) {}

  private static Run run(Path root, Map<String, String> env, List<String> args) throws Exception {
    return run(root, env, args, List.of());
  }

  private static Run run(Path root, Map<String, String> env, List<String> args, List<String> asUser) throws Exception {
    Path out = Files.createTempFile(root, "stdout", ".txt");
    Path err = Files.createTempFile(root, "stderr", ".txt");
    Process process = start(root, env, args, out, err, asUser);
    assertThat(process.waitFor(3, TimeUnit.MINUTES)).as("alert-router %s ends", args).isTrue();
    Run run = new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    Files.delete(out);
    Files.delete(err);
    return run;
  }

  private static Process start(Path root, Map<String, String> env, List<String> args, Path out, Path err)
      throws IOException {
    return start(root, env, args, out, err, List.of());
  }

  private static Process start(Path root, Map<String, String> env, List<String> args, Path out, Path err,
      List<String> asUser) throws IOException {
    List<String> command = new ArrayList<>(asUser);
    command.add(root.resolve("bin/alert-router").toString());
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .redirectOutput(out.toFile())
        .redirectError(err.toFile());
    // the JVM would announce these on stderr; the commands' own level stays the default
    Stream.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "ALERT_ROUTER_JAVA_OPTS", "ALERT_ROUTER_CDS",
        CliLogging.ENV_LEVEL).forEach(builder.environment()::remove);
    builder.environment().putAll(env);
    return builder.start();
  }
}
