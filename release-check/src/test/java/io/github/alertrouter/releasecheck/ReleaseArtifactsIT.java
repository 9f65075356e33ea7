package io.github.alertrouter.releasecheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * What Maven Central requires of each published module, checked on what this build packaged: a
 * POM with name, description, URL, licence, developers and SCM (its own or its parent's), and for
 * a jar module its sources and javadoc jars beside the jar. Also what an application needs of us:
 * a module name for the module path, the BOM listing every published module at the build's
 * version, and reproducible jars (every entry dated {@code project.build.outputTimestamp}).
 *
 * <p>Published means listed in the root POM's modules without {@code maven.deploy.skip}. Runs
 * after this module's package phase, when the modules before it in the reactor are packaged.
 */
class ReleaseArtifactsIT {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static Document root;
  private static String version;
  private static List<Module> published;

  record Module(String dir, Document pom, String artifactId, String packaging) {}

  @BeforeAll
  static void readPoms() throws Exception {
    root = xml(ROOT.resolve("pom.xml"));
    version = text(root.getDocumentElement(), "version");
    published = new ArrayList<>();
    for (Element m : children(child(root.getDocumentElement(), "modules"), "module")) {
      String dir = m.getTextContent().trim();
      Document pom = xml(ROOT.resolve(dir).resolve("pom.xml"));
      Element properties = child(pom.getDocumentElement(), "properties");
      boolean skipped = properties != null && "true".equals(text(properties, "maven.deploy.skip"));
      if (!skipped) {
        String packaging = text(pom.getDocumentElement(), "packaging");
        published.add(new Module(dir, pom, text(pom.getDocumentElement(), "artifactId"),
            packaging == null ? "jar" : packaging));
      }
    }
  }

  @Test
  void theCoreModulesAndTheBomArePublished() {
    assertThat(published).extracting(Module::artifactId).contains(
        "alert-router-core", "alert-router-dingtalk", "alert-router-lark", "alert-router-wecom",
        "alert-router-testkit", "alert-router-bom");
  }

  @Test
  void everyPublishedPomCarriesWhatCentralRequires() {
    List<String> problems = new ArrayList<>();
    for (Module m : published) {
      Element own = m.pom().getDocumentElement();
      boolean inherits = child(own, "parent") != null;
      for (String field : List.of("name", "description")) {
        if (blank(text(own, field))) {
          problems.add(m.dir() + "/pom.xml: no <" + field + ">");
        }
      }
      Element withProjectFacts = inherits ? root.getDocumentElement() : own;
      for (String field : List.of("url", "licenses", "developers", "scm")) {
        if (child(withProjectFacts, field) == null) {
          problems.add(m.dir() + "/pom.xml: no <" + field + ">" + (inherits ? " (inherited from the root)" : ""));
        }
      }
      String ownVersion = text(own, "version");
      if (!inherits && !version.equals(ownVersion)) {
        problems.add(m.dir() + "/pom.xml: version " + ownVersion + ", the build's is " + version);
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void everyPublishedJarHasItsSourcesAndJavadocJars() throws IOException {
    List<String> problems = new ArrayList<>();
    for (Module m : published) {
      if (!m.packaging().equals("jar")) {
        continue;
      }
      Path target = ROOT.resolve(m.dir()).resolve("target");
      String base = m.artifactId() + "-" + version;
      Path jar = target.resolve(base + ".jar");
      Path sources = target.resolve(base + "-sources.jar");
      Path javadoc = target.resolve(base + "-javadoc.jar");
      if (!has(jar, e -> e.getName().endsWith(".class"))) {
        problems.add(ROOT.relativize(jar) + ": missing or without classes");
      }
      if (!has(sources, e -> e.getName().endsWith(".java"))) {
        problems.add(ROOT.relativize(sources) + ": missing or without sources");
      }
      if (!has(javadoc, e -> e.getName().equals("index.html"))) {
        problems.add(ROOT.relativize(javadoc) + ": missing or without index.html");
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void everyPublishedJarHasAModuleName() throws IOException {
    List<String> problems = new ArrayList<>();
    for (Module m : published) {
      if (!m.packaging().equals("jar")) {
        continue;
      }
      Path jar = ROOT.resolve(m.dir()).resolve("target").resolve(m.artifactId() + "-" + version + ".jar");
      try (JarFile file = new JarFile(jar.toFile())) {
        boolean descriptor = file.getEntry("module-info.class") != null;
        String automatic = file.getManifest() == null ? null
            : file.getManifest().getMainAttributes().getValue("Automatic-Module-Name");
        if (!descriptor && blank(automatic)) {
          problems.add(m.dir() + ": neither module-info.class nor Automatic-Module-Name");
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void theBomListsEveryPublishedModuleAtTheBuildsVersion() throws Exception {
    Document bom = xml(ROOT.resolve("bom/pom.xml"));
    Set<String> listed = new TreeSet<>();
    Element management = child(bom.getDocumentElement(), "dependencyManagement");
    for (Element d : children(child(management, "dependencies"), "dependency")) {
      assertThat(text(d, "groupId")).isEqualTo("io.github.alertrouter");
      assertThat(text(d, "version")).isEqualTo("${project.version}");
      listed.add(text(d, "artifactId"));
    }
    Set<String> expected = new TreeSet<>();
    for (Module m : published) {
      if (m.packaging().equals("jar")) {
        expected.add(m.artifactId());
      }
    }
    assertThat(listed).isEqualTo(expected);
    assertThat(text(bom.getDocumentElement(), "version")).isEqualTo(version);
  }

  @Test
  void jarsAreReproducibleEveryEntryDatedTheOutputTimestamp() throws IOException {
    Element properties = child(root.getDocumentElement(), "properties");
    LocalDateTime stamp = LocalDateTime.ofInstant(
        Instant.parse(text(properties, "project.build.outputTimestamp")), ZoneOffset.UTC);
    List<String> problems = new ArrayList<>();
    for (Module m : published) {
      if (!m.packaging().equals("jar")) {
        continue;
      }
      Path jar = ROOT.resolve(m.dir()).resolve("target").resolve(m.artifactId() + "-" + version + ".jar");
      try (JarFile file = new JarFile(jar.toFile())) {
        for (ZipEntry e : Collections.list(file.entries())) {
          // the DOS date-time fields, as written: the archiver writes the timestamp's UTC fields
          if (!e.getTimeLocal().equals(stamp)) {
            problems.add(m.dir() + ": " + e.getName() + " dated " + e.getTimeLocal());
            break;
          }
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  private interface EntryTest {
    boolean test(ZipEntry e);
  }

  private static boolean has(Path jar, EntryTest test) throws IOException {
    if (!Files.isRegularFile(jar)) {
      return false;
    }
    try (JarFile file = new JarFile(jar.toFile())) {
      return Collections.list(file.entries()).stream().anyMatch(test::test);
    }
  }

  private static Document xml(Path file) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    try (InputStream in = Files.newInputStream(file)) {
      return factory.newDocumentBuilder().parse(in);
    }
  }

  private static Element child(Element parent, String name) {
    if (parent == null) {
      return null;
    }
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(name)) {
        return e;
      }
    }
    return null;
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> out = new ArrayList<>();
    if (parent != null) {
      for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
        if (n instanceof Element e && e.getTagName().equals(name)) {
          out.add(e);
        }
      }
    }
    return out;
  }

  private static String text(Element parent, String name) {
    Element e = child(parent, name);
    return e == null ? null : e.getTextContent().trim();
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
