package io.github.alertrouter.alertmanager.webhook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Finds the test fixtures on the test class path. */
final class Fixtures {
  private Fixtures() {}

  static Path resource(String name) {
    try {
      var url = Fixtures.class.getClassLoader().getResource(name);
      if (url == null) {
        throw new IllegalStateException("missing test resource " + name);
      }
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every {@code NNN.raw} capture under fixtures/alertmanager-0.25, as {@code scenario/NNN.raw}. */
  static List<Path> rawCaptures() {
    Path root = resource("fixtures/alertmanager-0.25");
    try (Stream<Path> files = Files.walk(root)) {
      List<Path> raws = files
          .filter(f -> f.getFileName().toString().matches("\\d{3}\\.raw"))
          .sorted()
          .toList();
      if (raws.size() < 10) {
        throw new IllegalStateException("expected the captured fixtures, found only " + raws);
      }
      return raws;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String name(Path capture) {
    return capture.getParent().getFileName() + "/" + capture.getFileName();
  }

  static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
