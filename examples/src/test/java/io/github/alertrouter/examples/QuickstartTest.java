package io.github.alertrouter.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.alertrouter.config.Secret;
import io.github.alertrouter.dingtalk.DingTalkSimulator;
import io.github.alertrouter.testkit.ReceivedMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps the README's "Quickstart in code" true: takes that section's java block as it stands,
 * compiles it in process against the test class path (core, the DingTalk module; with the JDK's
 * {@code javac} tool through {@link ToolProvider}), runs it against the DingTalk simulator and
 * compares what it prints with the {@code // prints:} comment that ends it, and what the chat got
 * with what the snippet configured. A renamed method, a changed default or a message that never
 * arrives fails here, with the README line the compiler complained about.
 *
 * <p>The snippet reads its webhook and secret as a reader would, {@code
 * Secret.fromEnv("DINGTALK_SRE_URL")}. The one change made to its text is that each such call
 * gets this test's environment map ({@link Secret#fromEnv(String, Map)}, which the one-argument
 * form calls with the process environment): the simulator's webhook and secret, so it runs
 * without setting a real variable.
 */
class QuickstartTest {
  private static final Path README = Path.of("..", "README.md");
  private static final String SECTION = "## Quickstart in code";
  private static final Pattern FROM_ENV = Pattern.compile("Secret\\.fromEnv\\((\"[A-Za-z_][A-Za-z0-9_]*\")\\)");
  private static final String ENVIRONMENT = "quickstartEnvironment";
  private static final String CLASS = "ReadmeQuickstart";
  private static final String SECRET = "SEC" + "0123456789abcdef".repeat(4);

  @Test
  void snippetSendsAndPrintsWhatTheReadmeSays(@TempDir Path classes) throws Exception {
    Snippet snippet = Snippet.read(Files.readString(README));
    compile(snippet, classes);

    try (DingTalkSimulator dingtalk = DingTalkSimulator.start(Clock.systemUTC())) {
      String webhook = dingtalk.robot("sre-ding", SECRET, "alert").webhook().reveal();
      String printed = run(classes, Map.of("DINGTALK_SRE_URL", webhook, "DINGTALK_SRE_SECRET", SECRET));

      assertThat(printed).isEqualTo(snippet.expected());
      assertThat(dingtalk.received("sre-ding")).singleElement().satisfies((ReceivedMessage m) -> {
        assertThat(m.mentions()).containsExactly("mobile:13800000001");
        assertThat(m.text()).contains("HighErrorRate");
      });
    }
  }

  /** The point of the section: configuration in code reads without a positional {@code null}. */
  @Test
  void snippetPassesNoNull() throws IOException {
    Snippet snippet = Snippet.read(Files.readString(README));

    assertThat(snippet.body()).extracting(line -> line.text().replaceAll("//.*", ""))
        .noneMatch(code -> code.matches(".*\\bnull\\b.*"));
  }

  private static void compile(Snippet snippet, Path classes) throws IOException {
    Path source = classes.resolve(CLASS + ".java");
    Files.writeString(source, snippet.wrapped());
    ToolProvider javac = ToolProvider.findFirst("javac").orElseThrow(() -> new AssertionError("no javac in this JDK"));
    StringWriter messages = new StringWriter();
    try (PrintWriter out = new PrintWriter(messages)) {
      int status = javac.run(out, out, "-classpath", System.getProperty("java.class.path"), "-d", classes.toString(),
          "-proc:none", "-encoding", "UTF-8", source.toString());
      out.flush();
      assertThat(status).as("the README snippet compiles:%n%s", snippet.locate(messages.toString())).isZero();
    }
  }

  private static String run(Path classes, Map<String, String> environment) throws Exception {
    PrintStream original = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
        QuickstartTest.class.getClassLoader())) {
      System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
      loader.loadClass(CLASS).getMethod("run", Map.class).invoke(null, environment);
    } catch (InvocationTargetException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    } finally {
      System.setOut(original);
    }
    return printed.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
  }

  /** A line of the snippet and where it is in the README (1-based). */
  private record Line(int readmeLine, String text) {}

  /**
   * The section's java block: its imports, the statements up to {@code // prints:}, and the
   * output that comment shows.
   */
  private record Snippet(List<Line> imports, List<Line> body, String expected) {
    static Snippet read(String readme) {
      List<String> lines = readme.lines().toList();
      int section = lines.indexOf(SECTION);
      assertThat(section).as("README has a \"%s\" section", SECTION).isNotNegative();
      int open = section + 1;
      while (open < lines.size() && !lines.get(open).equals("```java")) {
        assertThat(lines.get(open)).as("no next section before the java block").doesNotStartWith("## ");
        open++;
      }
      List<Line> imports = new ArrayList<>();
      List<Line> body = new ArrayList<>();
      StringBuilder expected = new StringBuilder();
      boolean output = false;
      for (int i = open + 1; !lines.get(i).equals("```"); i++) {
        String text = lines.get(i);
        if (output) {
          assertThat(text).as("README line %d: output lines are comments", i + 1).startsWith("//");
          expected.append(text.replaceFirst("^// ?", "")).append('\n');
        } else if (text.equals("// prints:")) {
          output = true;
        } else if (text.startsWith("import ")) {
          imports.add(new Line(i + 1, text));
        } else {
          body.add(new Line(i + 1, text));
        }
      }
      assertThat(output).as("the snippet ends with a \"// prints:\" comment").isTrue();
      return new Snippet(imports, body, expected.toString());
    }

    /**
     * A class whose {@code run(environment)} holds the statements, one source line per README
     * line after a fixed header, with each {@code Secret.fromEnv("NAME")} given the environment.
     */
    String wrapped() {
      StringBuilder out = new StringBuilder();
      imports.forEach(line -> out.append(line.text()).append('\n'));
      out.append("public final class ").append(CLASS).append(" {\n")
          .append("  public static void run(java.util.Map<String, String> ").append(ENVIRONMENT)
          .append(") throws Exception {\n");
      int calls = 0;
      for (Line line : body) {
        Matcher m = FROM_ENV.matcher(line.text());
        StringBuilder rewritten = new StringBuilder();
        while (m.find()) {
          String call = "Secret.fromEnv(" + m.group(1) + ", " + ENVIRONMENT + ")";
          m.appendReplacement(rewritten, Matcher.quoteReplacement(call));
          calls++;
        }
        m.appendTail(rewritten);
        out.append(rewritten).append('\n');
      }
      assertThat(calls).as("the snippet reads its webhook with Secret.fromEnv(\"NAME\")").isPositive();
      return out.append("  }\n}\n").toString();
    }

    /** javac's diagnostics ({@code /tmp/…/ReadmeQuickstart.java:12: error: …}) with README line numbers. */
    String locate(String diagnostics) {
      Matcher m = Pattern.compile("(?m)^\\S*" + CLASS + "\\.java:(\\d+):").matcher(diagnostics);
      StringBuilder out = new StringBuilder();
      while (m.find()) {
        String line = readmeLine(Long.parseLong(m.group(1)));
        m.appendReplacement(out, Matcher.quoteReplacement("README.md line " + line + ":"));
      }
      return m.appendTail(out).toString();
    }

    /** The README line of a line of {@link #wrapped()}; {@code ?} for the header and footer. */
    String readmeLine(long wrappedLine) {
      int index = (int) wrappedLine - 1 - imports.size() - 2;
      if (wrappedLine >= 1 && wrappedLine <= imports.size()) {
        return String.valueOf(imports.get((int) wrappedLine - 1).readmeLine());
      }
      return index >= 0 && index < body.size() ? String.valueOf(body.get(index).readmeLine()) : "?";
    }
  }
}
