package io.github.alertrouter.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.alertrouter.testkit.ApiDocs;
import io.github.alertrouter.testkit.SourceRules;
import org.junit.jupiter.api.Test;

/** The Micrometer module's exported packages: a javadoc comment on every public member, and no doclint error. */
class ApiDocsTest {
  @Test
  void everyExportedMemberIsDocumented() {
    assertThat(ApiDocs.exportedPackages(SourceRules.mainSources())).contains("io.github.alertrouter.micrometer");
    assertThat(ApiDocs.problems(SourceRules.mainSources())).isEmpty();
  }
}
