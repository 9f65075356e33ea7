package io.github.alertrouter.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The container and Kubernetes recipes under {@code deploy/}, which no build runs (there is no
 * container engine or cluster here): each manifest parses, the pieces refer to each other by the
 * names and ports they really have, the config in the ConfigMap passes {@code alert-router
 * validate} with the Secret's values as its environment, and the Containerfile unpacks the
 * tarball this module builds.
 */
class DeployRecipesTest {
  private static final Path DEPLOY = Path.of("..", "deploy").toAbsolutePath().normalize();
  private static final Path KUBERNETES = DEPLOY.resolve("kubernetes");
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final Map<String, JsonNode> BY_KIND = new HashMap<>();

  @BeforeAll
  static void parse() throws IOException {
    for (Path file : manifests()) {
      List<JsonNode> documents = YAML.readValues(YAML.createParser(file.toFile()), JsonNode.class).readAll();
      assertThat(documents).as(file.toString()).hasSize(1);
      JsonNode doc = documents.get(0);
      assertThat(doc.path("apiVersion").asText()).as("%s: apiVersion", file).isNotEmpty();
      String kind = doc.path("kind").asText();
      assertThat(kind).as("%s: kind", file).isNotEmpty();
      if (!kind.equals("Kustomization")) {
        assertThat(doc.path("metadata").path("name").asText()).as("%s: metadata.name", file).isNotEmpty();
      }
      assertThat(BY_KIND.put(kind, doc)).as("one %s", kind).isNull();
    }
    assertThat(BY_KIND).containsOnlyKeys("ConfigMap", "Secret", "Deployment", "Service", "Kustomization");
  }

  private static List<Path> manifests() throws IOException {
    try (Stream<Path> files = Files.list(KUBERNETES)) {
      return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  @Test
  void kustomizationListsEveryManifest() throws IOException {
    List<String> listed = new ArrayList<>();
    BY_KIND.get("Kustomization").path("resources").forEach(r -> listed.add(r.asText()));
    assertThat(listed).containsExactlyInAnyOrderElementsOf(manifests().stream().map(f -> f.getFileName().toString())
        .filter(name -> !name.equals("kustomization.yaml")).toList());
  }

  @Test
  void theDeploymentProbesServesHealthAndReadinessOnItsListenPort() {
    JsonNode container = container();
    Map<String, String> flags = flags(container);
    int port = container.path("ports").get(0).path("containerPort").asInt();
    String portName = container.path("ports").get(0).path("name").asText();

    assertThat(flags.get("listen")).isEqualTo("0.0.0.0:" + port);
    assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/healthz");
    assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/-/ready");
    assertThat(List.of(container.at("/livenessProbe/httpGet/port").asText(), container.at("/readinessProbe/httpGet/port").asText()))
        .containsOnly(portName);
  }

  @Test
  void theDeploymentMountsTheConfigMapWhereServeReadsItAndTakesTheSecretAsEnvironment() {
    JsonNode deployment = BY_KIND.get("Deployment");
    JsonNode container = container();
    Map<String, String> flags = flags(container);
    Path config = Path.of(flags.get("config"));

    String volume = null;
    for (JsonNode mount : container.path("volumeMounts")) {
      if (mount.path("mountPath").asText().equals(config.getParent().toString())) {
        volume = mount.path("name").asText();
      }
    }
    assertThat(volume).as("a volume mounted at %s", config.getParent()).isNotNull();
    String mounted = volume;
    JsonNode configVolume = Stream.of(deployment.at("/spec/template/spec/volumes")).flatMap(v -> stream(v))
        .filter(v -> v.path("name").asText().equals(mounted)).findFirst().orElseThrow();
    assertThat(configVolume.at("/configMap/name").asText()).isEqualTo(BY_KIND.get("ConfigMap").at("/metadata/name").asText());
    assertThat(BY_KIND.get("ConfigMap").path("data").has(config.getFileName().toString())).isTrue();

    assertThat(container.at("/envFrom/0/secretRef/name").asText()).isEqualTo(BY_KIND.get("Secret").at("/metadata/name").asText());
    assertThat(secretValues()).containsKey(flags.get("token-env"));
    assertThat(container.at("/securityContext/readOnlyRootFilesystem").asBoolean()).isTrue();
    assertThat(flags.get("storage.path")).isIn(mountPaths(container));
    assertThat("/tmp").as("the JVM's scratch space is writable").isIn(mountPaths(container));
  }

  /** The real check serve makes at start, on the ConfigMap's config with the Secret's values. */
  @Test
  void theConfigMapsConfigIsValidWithTheSecretsValues(@TempDir Path dir) throws Exception {
    Path config = dir.resolve("alert-router.yaml");
    Files.writeString(config, BY_KIND.get("ConfigMap").path("data").path("alert-router.yaml").asText());

    ProcessBuilder validate = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "io.github.alertrouter.cli.Main", "validate", "--config",
        config.toString()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .redirectOutput(dir.resolve("out").toFile()).redirectError(dir.resolve("err").toFile());
    validate.environment().clear();
    validate.environment().putAll(secretValues());
    Process process = validate.start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

    assertThat(process.exitValue()).as(Files.readString(dir.resolve("err"))).isZero();
    assertThat(Files.readString(dir.resolve("out"))).contains(": valid (2 notification policies, 2 robots");
  }

  @Test
  void theServiceSendsToThePodsHttpPort() {
    JsonNode service = BY_KIND.get("Service");
    assertThat(service.at("/spec/selector")).isEqualTo(BY_KIND.get("Deployment").at("/spec/template/metadata/labels"));
    assertThat(service.at("/spec/ports/0/targetPort").asText()).isEqualTo(container().at("/ports/0/name").asText());
  }

  @Test
  void theContainerfileUnpacksThisBuildsTarballAndRunsServeAsTheDeploymentsUser() throws IOException {
    String containerfile = Files.readString(DEPLOY.resolve("Containerfile"));
    String version = line(containerfile, "ARG VERSION=(\\S+)");

    assertThat(line(containerfile, "FROM (\\S+)")).startsWith("debian:").endsWith("-slim");
    assertThat(version).isEqualTo(System.getProperty("project.version"));
    assertThat(line(containerfile, "ADD (\\S+) /opt/").replace("${VERSION}", version))
        .isEqualTo("dist/target/" + System.getProperty("dist.name") + "-linux-x64.tar.gz");
    assertThat(line(containerfile, "USER (\\d+):\\d+"))
        .isEqualTo(BY_KIND.get("Deployment").at("/spec/template/spec/securityContext/runAsUser").asText()).isNotEqualTo("0");
    assertThat(line(containerfile, "ENTRYPOINT (.+)")).isEqualTo("[\"/opt/alert-router/bin/alert-router\", \"serve\"]");
    assertThat(line(containerfile, "HEALTHCHECK (.+)")).contains("--interval");
    assertThat(containerfile).contains("/dev/tcp/127.0.0.1/9094", "GET /healthz", "EXPOSE 9094",
        "\"--listen=0.0.0.0:9094\"", "cp /opt/alert-router/config/alert-router.yaml /etc/alert-router/alert-router.yaml",
        "\"--config=/etc/alert-router/alert-router.yaml\"");
  }

  /** The HEALTHCHECK's command, as an argument list, for {@code DistributionIT} to run against serve. */
  static List<String> healthcheck(String containerfile) throws IOException {
    Matcher m = Pattern.compile("HEALTHCHECK [^\\n]*\\\\\\n\\s*CMD (\\[.*])").matcher(containerfile);
    assertThat(m.find()).as("HEALTHCHECK ... CMD [...]").isTrue();
    List<String> command = new ArrayList<>();
    new ObjectMapper().readTree(m.group(1)).forEach(word -> command.add(word.asText()));
    return command;
  }

  private static String line(String text, String regex) {
    Matcher m = Pattern.compile("(?m)^" + regex + "$").matcher(text);
    assertThat(m.find()).as("a line %s", regex).isTrue();
    return m.group(1);
  }

  private static JsonNode container() {
    return BY_KIND.get("Deployment").at("/spec/template/spec/containers/0");
  }

  /** The container's {@code --name=value} arguments. */
  private static Map<String, String> flags(JsonNode container) {
    Map<String, String> flags = new HashMap<>();
    for (JsonNode arg : container.path("args")) {
      String text = arg.asText();
      assertThat(text).as("an argument --name=value").matches("--[a-z.-]+=.+");
      flags.put(text.substring(2, text.indexOf('=')), text.substring(text.indexOf('=') + 1));
    }
    return flags;
  }

  private static List<String> mountPaths(JsonNode container) {
    return stream(container.path("volumeMounts")).map(m -> m.path("mountPath").asText()).toList();
  }

  private static Map<String, String> secretValues() {
    Map<String, String> values = new HashMap<>();
    BY_KIND.get("Secret").path("stringData").fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().asText()));
    return values;
  }

  private static Stream<JsonNode> stream(JsonNode array) {
    List<JsonNode> nodes = new ArrayList<>();
    array.forEach(nodes::add);
    return nodes.stream();
  }
}
