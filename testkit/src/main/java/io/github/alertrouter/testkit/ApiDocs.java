package io.github.alertrouter.testkit;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

/**
 * A module's API documentation, checked from its tests: the JDK's javadoc runs in-process with
 * doclint over the packages the module exports, and every public or protected member without a
 * comment, and every doclint error, comes back as a line. A test asserts the list is empty:
 *
 * <pre>{@code
 * assertThat(ApiDocs.problems(SourceRules.mainSources())).isEmpty();
 * }</pre>
 *
 * <p>Missing {@code @param} and {@code @return} tags are not reported: a member with a comment
 * that says enough is left to review. Types that comments link to outside the checked packages
 * resolve from the test class path. Takes a few seconds; stateless and thread-safe.
 */
public final class ApiDocs {
  // qualified exports ("exports a.b to c.d;") are not API, so only unqualified ones match
  private static final Pattern EXPORTS = Pattern.compile("\\bexports\\s+([\\w.]+)\\s*;");
  private static final Pattern COMMENTS = Pattern.compile("//[^\n]*|/\\*.*?\\*/", Pattern.DOTALL);
  private static final Pattern DIAGNOSTIC = Pattern.compile("(.+\\.java):(\\d+): (warning|error): (.*)");

  private ApiDocs() {}

  /**
   * The packages {@code sources}' {@code module-info.java} exports to everyone, in its order.
   *
   * @throws IllegalStateException if {@code sources} has no {@code module-info.java}
   */
  public static List<String> exportedPackages(Path sources) {
    Path descriptor = sources.resolve("module-info.java");
    if (!Files.isRegularFile(descriptor)) {
      throw new IllegalStateException(
          descriptor.toAbsolutePath() + " not found: run from the module, or name the packages");
    }
    Matcher exports = EXPORTS.matcher(COMMENTS.matcher(read(descriptor)).replaceAll(" "));
    List<String> packages = new ArrayList<>();
    while (exports.find()) {
      packages.add(exports.group(1));
    }
    return packages;
  }

  /** {@link #problems(Path, List)} over the packages the module exports. */
  public static List<String> problems(Path sources) {
    return problems(sources, exportedPackages(sources));
  }

  /**
   * What javadoc finds wrong in {@code packages} (their own files, not their subpackages'):
   * {@code file:line member} for each member without a comment, {@code file:line error: message}
   * for each doclint error.
   *
   * @param sources the source root, e.g. {@link SourceRules#mainSources()}
   * @param packages the packages to check
   */
  public static List<String> problems(Path sources, List<String> packages) {
    List<String> args = new ArrayList<>(List.of("-Xdoclint:all", "-Xmaxwarns", "100000", "-Xmaxerrs", "10000",
        "-quiet", "-encoding", "UTF-8", "-classpath", System.getProperty("java.class.path")));
    for (String pkg : packages) {
      try (Stream<Path> files = Files.list(sources.resolve(pkg.replace('.', '/')))) {
        files.filter(f -> f.toString().endsWith(".java")).sorted().forEach(f -> args.add(f.toString()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    Path out = null;
    try {
      // javadoc's doclint runs in its HTML doclet, so the pages are written, then thrown away
      out = Files.createTempDirectory("api-docs");
      args.addAll(List.of("-d", out.toString()));
      StringWriter log = new StringWriter();
      ToolProvider javadoc = ToolProvider.findFirst("javadoc")
          .orElseThrow(() -> new IllegalStateException("no javadoc tool: run the tests on a JDK"));
      int exit = javadoc.run(new PrintWriter(log), new PrintWriter(log), args.toArray(String[]::new));
      List<String> problems = problemsIn(log.toString());
      if (exit != 0 && problems.isEmpty()) {
        problems.add("javadoc failed (exit " + exit + "): " + log);
      }
      return problems;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      delete(out);
    }
  }

  private static List<String> problemsIn(String log) throws IOException {
    List<String> problems = new ArrayList<>();
    for (String line : log.lines().toList()) {
      Matcher m = DIAGNOSTIC.matcher(line);
      if (!m.matches()) {
        continue;
      }
      String where = m.group(1) + ":" + m.group(2);
      if (m.group(3).equals("error")) {
        problems.add(where + " error: " + m.group(4));
      } else if (m.group(4).equals("no comment")) {
        // the declaration's line without its body or value names the member well enough to find it
        String text = Files.readAllLines(Path.of(m.group(1))).get(Integer.parseInt(m.group(2)) - 1).strip();
        problems.add(where + " " + text.replaceAll("\\s*=.*$", "").replaceAll("\\s*[{;,]$", ""));
      }
    }
    return problems;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException e) {
      // a leftover temporary directory is harmless
    }
  }
}
