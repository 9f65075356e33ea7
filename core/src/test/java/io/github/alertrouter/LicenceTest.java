package io.github.alertrouter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** What a company's legal review looks for first: the licence, its notice, and the POM saying so. */
class LicenceTest {
  private static final Path ROOT = Path.of("..");

  @Test
  void theRepositoryCarriesTheApacheLicenceAndItsNotice() throws Exception {
    String licence = Files.readString(ROOT.resolve("LICENSE"));
    assertThat(licence).contains("Apache License", "Version 2.0, January 2004",
        "TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION", "END OF TERMS AND CONDITIONS");
    assertThat(Files.readString(ROOT.resolve("NOTICE"))).startsWith("alert-router\n").contains("Apache License");
  }

  @Test
  void theParentPomDeclaresTheLicenceDevelopersAndSourceForEveryModule() throws Exception {
    String pom = Files.readString(ROOT.resolve("pom.xml"));
    assertThat(pom).contains("<name>Apache-2.0</name>", "<url>https://www.apache.org/licenses/LICENSE-2.0.txt</url>",
        "<developers>", "<scm ", "<connection>scm:git:", "<url>https://github.com/alertrouter/alert-router</url>",
        "child.project.url.inherit.append.path=\"false\"");
    // a module that declared its own <licenses> could contradict the parent's
    for (String module : new String[] {"core", "testkit", "dingtalk", "lark", "wecom", "store-journal", "store-postgresql",
        "cli"}) {
      assertThat(Files.readString(ROOT.resolve(module).resolve("pom.xml"))).as(module).doesNotContain("<licenses>")
          .contains("<artifactId>alert-router-parent</artifactId>");
    }
  }
}
