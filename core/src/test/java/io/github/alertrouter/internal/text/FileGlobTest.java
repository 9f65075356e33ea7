package io.github.alertrouter.internal.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Go's filepath.Glob on the patterns template lists use. */
class FileGlobTest {
  @TempDir
  Path dir;

  @Test
  void classesRangesNegationAndEscapesMatchAsInGo() throws Exception {
    for (String name : new String[] {"a.tmpl", "b.tmpl", "c.tmpl", "]x.tmpl", "-.tmpl", "a&&b.tmpl", "z[1].tmpl"}) {
      Files.writeString(dir.resolve(name), "");
    }
    assertThat(names("[a-b].tmpl")).containsExactly("a.tmpl", "b.tmpl");
    assertThat(names("[^a-b].tmpl")).containsExactly("-.tmpl", "c.tmpl");
    assertThat(names("[\\]]x.tmpl")).containsExactly("]x.tmpl");
    assertThat(names("a&&b.tmpl")).containsExactly("a&&b.tmpl");
    assertThat(names("[&]&b.tmpl")).isEmpty();
    assertThat(names("z\\[1].tmpl")).containsExactly("z[1].tmpl");
    assertThat(names(FileGlob.escape("z[1].tmpl"))).containsExactly("z[1].tmpl");
    assertThatThrownBy(() -> FileGlob.matches(dir, "[a.tmpl")).hasMessage("syntax error in pattern");
    assertThatThrownBy(() -> FileGlob.matches(dir, "[].tmpl")).hasMessage("syntax error in pattern");
    assertThatThrownBy(() -> FileGlob.matches(dir, "*/x.tmpl")).hasMessageContaining("only the last part");
  }

  @Test
  void theBaseDirectoryIsNeverAPattern() throws Exception {
    Path odd = Files.createDirectories(dir.resolve("my[app]?"));
    Files.writeString(odd.resolve("ops.tmpl"), "");
    assertThat(FileGlob.matches(odd, "*.tmpl")).containsExactly(odd.resolve("ops.tmpl"));
    assertThat(FileGlob.matches(odd, "ops.tmpl")).containsExactly(odd.resolve("ops.tmpl"));
    assertThat(FileGlob.matches(dir, FileGlob.escape("my[app]?") + "/ops.tmpl")).containsExactly(odd.resolve("ops.tmpl"));
  }

  private java.util.List<String> names(String pattern) throws Exception {
    return FileGlob.matches(dir, pattern).stream().map(p -> p.getFileName().toString()).toList();
  }
}
