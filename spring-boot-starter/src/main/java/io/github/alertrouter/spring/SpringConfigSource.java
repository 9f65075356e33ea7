package io.github.alertrouter.spring;

import io.github.alertrouter.config.ConfigException;
import io.github.alertrouter.config.ConfigProblem;
import io.github.alertrouter.config.RouterConfig;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * Reads the router's configuration from a Spring {@link Resource} with the library's own parser,
 * so every problem is reported with its config path and the location is named in the message.
 * {@code ${NAME}} references are resolved from Spring's {@link Environment}: environment
 * variables and system properties as with the CLI, and also application properties and test
 * properties. Stateless; thread-safe.
 */
final class SpringConfigSource {
  /** A {@code ${NAME}} reference; the library's parser checks the names, this only collects them. */
  private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}]*)}");

  private SpringConfigSource() {}

  /**
   * The configuration at {@code location}, or at {@link AlertRouterProperties#DEFAULT_CONFIG_LOCATION}
   * when {@code location} is {@code null} and that exists.
   *
   * @throws ConfigException naming the location and every problem; also when there is no
   *     configuration at all
   */
  static RouterConfig load(Resource location, ResourceLoader resources, Environment environment) {
    Resource resource = location;
    if (resource == null) {
      resource = resources.getResource(AlertRouterProperties.DEFAULT_CONFIG_LOCATION);
      if (!resource.exists()) {
        throw new ConfigException(List.of(new ConfigProblem("alert-router.config-location",
            "not set, and there is no " + AlertRouterProperties.DEFAULT_CONFIG_LOCATION
                + ": set it (e.g. file:/etc/alert-router.yaml), define a RouterConfig bean,"
                + " or set alert-router.enabled=false")));
      }
    }
    String source = describe(resource);
    String name = String.valueOf(resource.getFilename()).toLowerCase(Locale.ROOT);
    if (!(name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json"))) {
      throw single(source, "unsupported file type: use .yaml, .yml or .json");
    }
    String text;
    try (InputStream in = resource.getInputStream()) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (FileNotFoundException e) {
      throw single(source, "file does not exist");
    } catch (IOException e) {
      throw single(source, "cannot read file: " + e.getClass().getSimpleName());
    }
    return RouterConfig.parse(text, source, referencedProperties(text, environment), directory(resource));
  }

  /** A file resource's directory, where its Go templates' files are read; else the working directory. */
  private static java.nio.file.Path directory(Resource resource) {
    if (!resource.isFile()) {
      return null;
    }
    try {
      return resource.getFile().toPath().toAbsolutePath().getParent();
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * The values of the {@code ${NAME}}s the text references that the environment has. The
   * library's parser needs a map; Spring's environment cannot list every name it would resolve.
   */
  static Map<String, String> referencedProperties(String text, Environment environment) {
    Map<String, String> values = new HashMap<>();
    Matcher m = REFERENCE.matcher(text);
    while (m.find()) {
      String name = m.group(1);
      if (!name.isEmpty() && !values.containsKey(name)) {
        String value = environment.getProperty(name);
        if (value != null) {
          values.put(name, value);
        }
      }
    }
    return values;
  }

  /**
   * Names the resource as a user writes it ({@code classpath:alert-router.yaml}, a file's path),
   * ending in the file's suffix, which the parser reads to choose JSON or YAML.
   */
  private static String describe(Resource resource) {
    if (resource instanceof ClassPathResource classpath) {
      return "classpath:" + classpath.getPath();
    }
    if (resource.isFile()) {
      try {
        return resource.getFile().getPath();
      } catch (IOException e) {
        // not a file after all: Spring's own description below
      }
    }
    return resource.getDescription();
  }

  private static ConfigException single(String source, String message) {
    return new ConfigException(source, List.of(new ConfigProblem("", message)));
  }
}
