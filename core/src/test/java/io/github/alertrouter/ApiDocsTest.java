package io.github.alertrouter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every public or protected member of a package core exports carries a javadoc comment, and the
 * comments in those packages have no doclint errors. The JDK's javadoc runs in-process over the
 * exported packages' sources, as {@code module-info.java} lists them, so a newly exported package
 * is checked without touching this test.
 *
 * <p>The platform modules, the testkit and store-journal run the same check through the testkit's
 * {@code ApiDocs}. Core keeps its own copy because the testkit depends on core: core's tests
 * depending on the testkit would be a cycle Maven refuses.
 */
class ApiDocsTest {
  private static final Path MAIN = Path.of("src", "main", "java");

  // qualified exports ("exports a.b to c.d;") are not API, so only unqualified ones match
  private static final Pattern EXPORTS = Pattern.compile("\\bexports\\s+([\\w.]+)\\s*;");
  private static final Pattern COMMENTS = Pattern.compile("//[^\n]*|/\\*.*?\\*/", Pattern.DOTALL);

  @Test
  void everyExportedMemberIsDocumented(@TempDir Path out) throws IOException {
    List<String> packages = exportedPackages();
    assertThat(packages).as("exports parsed from module-info.java").contains("io.github.alertrouter");
    List<String> problems = doclint(sources(packages), out);
    assertThat(problems).as("public members of exported packages without javadoc, or doclint errors").isEmpty();
  }

  private static List<String> exportedPackages() throws IOException {
    assertThat(MAIN).as("run from the core module directory").isDirectory();
    String descriptor = COMMENTS.matcher(Files.readString(MAIN.resolve("module-info.java"))).replaceAll(" ");
    List<String> packages = new ArrayList<>();
    Matcher exports = EXPORTS.matcher(descriptor);
    while (exports.find()) {
      packages.add(exports.group(1));
    }
    return packages;
  }

  /** The .java files directly in each package's directory: a subpackage is checked only if exported. */
  private static List<Path> sources(List<String> packages) throws IOException {
    List<Path> files = new ArrayList<>();
    for (String pkg : packages) {
      try (Stream<Path> dir = Files.list(MAIN.resolve(pkg.replace('.', '/')))) {
        dir.filter(f -> f.toString().endsWith(".java")).sorted().forEach(files::add);
      }
    }
    return files;
  }

  /** "file:line member" for each missing comment and "file:line error: message" for each doclint error. */
  private static List<String> doclint(List<Path> files, Path out) throws IOException {
    // java.util.spi's handle on the same tool as javax.tools', without core's tests having to read
    // the java.compiler module
    ToolProvider javadoc = ToolProvider.findFirst("javadoc").orElseThrow();
    List<String> args = new ArrayList<>(List.of("-Xdoclint:all", "-Xmaxwarns", "100000", "-Xmaxerrs", "10000",
        "-quiet", "-encoding", "UTF-8", "-d", out.toString(),
        // types of unexported packages that the comments link to come from the compiled classes
        "-classpath", System.getProperty("java.class.path")));
    files.forEach(f -> args.add(f.toString()));
    StringWriter log = new StringWriter();
    int exit = javadoc.run(new PrintWriter(log), new PrintWriter(log), args.toArray(String[]::new));
    List<String> problems = new ArrayList<>();
    for (String line : log.toString().lines().toList()) {
      Matcher m = DIAGNOSTIC.matcher(line);
      if (!m.matches()) {
        continue;
      }
      String where = m.group(1) + ":" + m.group(2);
      if (m.group(3).equals("error")) {
        problems.add(where + " error: " + m.group(4));
      } else if (m.group(4).equals("no comment")) {
        problems.add(where + " " + declaration(Path.of(m.group(1)), Integer.parseInt(m.group(2))));
      }
    }
    if (exit != 0 && problems.isEmpty()) {
      problems.add("javadoc failed (exit " + exit + "): " + log);
    }
    return problems;
  }

  private static final Pattern DIAGNOSTIC = Pattern.compile("(.+\\.java):(\\d+): (warning|error): (.*)");

  /** The declaration's source line without its body or value, which names the member well enough to find it. */
  private static String declaration(Path file, int line) throws IOException {
    String text = Files.readAllLines(file).get(line - 1).strip();
    return text.replaceAll("\\s*=.*$", "").replaceAll("\\s*[{;,]$", "");
  }
}
