package io.github.alertrouter.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads a configuration document into a {@link RouterConfig}: text to a Jackson tree (YAML, or
 * JSON for {@code .json}), the tree to records by the hand-written binders, then the
 * cross-reference checks of {@link ConfigValidator}. Either every step succeeds or one
 * {@link ConfigException} lists every problem, binding and cross-reference together, in document
 * order. Stateless and thread-safe.
 */
final class ConfigLoader {
  /** Jackson's "Unrecognized token 'TEXT'": TEXT is a bare value, maybe a secret whose quotes were forgotten. */
  private static final Pattern UNRECOGNIZED_TOKEN = Pattern.compile("Unrecognized token '[^']*'");

  private ConfigLoader() {}

  /**
   * Loads a {@code .yaml}, {@code .yml} or {@code .json} file.
   *
   * @throws ConfigException when the file cannot be read or the configuration is invalid
   */
  public static RouterConfig load(Path file, Map<String, String> environment) {
    Objects.requireNonNull(file, "file");
    String source = file.toString();
    String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
    if (!(name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json"))) {
      throw single(source, "unsupported file type: use .yaml, .yml or .json");
    }
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw single(source, "file does not exist");
    } catch (IOException | RuntimeException e) {
      throw single(source, "cannot read file: " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    }
    Path dir = file.toAbsolutePath().getParent();
    return parse(text, source, environment, dir);
  }

  /**
   * Parses configuration text: JSON when {@code source} ends in {@code .json}, else YAML. The
   * template files a Go template names ({@code files}) are read relative to the working directory.
   *
   * @param source names the text in the exception message; may be {@code null}
   * @throws ConfigException listing every problem, in document order
   */
  public static RouterConfig parse(String text, String source, Map<String, String> environment) {
    return parse(text, source, environment, null);
  }

  /**
   * {@link #parse(String, String, Map)}, reading the template files a Go template names relative
   * to {@code baseDir} ({@code null}: the working directory).
   */
  static RouterConfig parse(String text, String source, Map<String, String> environment, Path baseDir) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(environment, "environment");
    boolean json = source != null && source.toLowerCase(Locale.ROOT).endsWith(".json");
    JsonNode root = readTree(text, source, json);
    BindContext ctx = new BindContext(environment, baseDir);
    RouterConfig.Builder config = RouterConfigBinder.bind(Node.root(ctx, root));
    List<ConfigProblem> problems = new ArrayList<>(ctx.problems());
    if (problems.isEmpty()) {
      // Everything bound, so each element's path is its list index: RouterConfig's own check (the
      // one a config built in code gets) reports the same paths. One validation, not two.
      try {
        return config.build();
      } catch (ConfigException e) {
        problems.addAll(e.problems());
      }
    } else {
      // Some elements were left out: the validator needs where the others were read from.
      problems.addAll(config.problems(ctx));
    }
    problems.sort(new DocumentOrder(root)); // stable: problems at one path keep their order
    throw new ConfigException(source, problems);
  }

  private static JsonNode readTree(String text, String source, boolean json) {
    try {
      return TreeReader.read(text, json);
    } catch (JsonProcessingException e) {
      String format = json ? "JSON" : "YAML";
      if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
        throw single(source, format + " syntax error" + at(yaml.getProblemMark()) + ": " + describe(yaml));
      }
      JsonLocation at = e.getLocation();
      String where = at == null || at.getLineNr() < 1
          ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      String problem = UNRECOGNIZED_TOKEN.matcher(firstLine(e.getOriginalMessage()))
          .replaceFirst("Unrecognized token (not shown: it may be a secret; is a value missing its quotes?)");
      throw single(source, format + " syntax error" + where + ": " + problem);
    } catch (IOException e) {
      throw single(source, "cannot read document: " + firstLine(e.getMessage())); // not expected from a String
    }
  }

  /**
   * SnakeYAML's problem and context, without the source excerpt its message appends: that
   * excerpt may be a line holding a webhook token.
   */
  private static String describe(MarkedYAMLException e) {
    String problem = firstLine(e.getProblem());
    if (e.getContext() == null) {
      return problem;
    }
    return problem + " (" + firstLine(e.getContext()) + (e.getContextMark() == null ? "" : at(e.getContextMark())) + ")";
  }

  private static String at(Mark mark) {
    return " at line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
  }

  private static String firstLine(String message) {
    String m = Objects.requireNonNullElse(message, "unreadable document");
    int cut = m.indexOf('\n');
    return (cut < 0 ? m : m.substring(0, cut)).strip();
  }

  private static ConfigException single(String source, String message) {
    return new ConfigException(source, List.of(new ConfigProblem("", message)));
  }
}
