package io.github.alertrouter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** An alert's labels iterate, and are fingerprinted, in Go's (Alertmanager's) string order. */
class AlertLabelOrderTest {
  private static final String BANG = "\uFF01"; // U+FF01, UTF-8 EF BC 81
  private static final String FIRE = "\uD83D\uDD25"; // U+1F525, UTF-8 F0 9F 94 A5; UTF-16 D83D DD25

  @Test
  void supplementaryCharactersSortAfterFullwidthFormsAsInGo() {
    TreeMap<String, String> labels = new TreeMap<>(); // Java order: FIRE (D83D) before BANG (FF01)
    labels.put("alert" + FIRE, "hot");
    labels.put("alert" + BANG, "loud");
    labels.put("alertname", "Disk");

    assertThat(labels.keySet()).containsExactly("alertname", "alert" + FIRE, "alert" + BANG);
    // Go's order, hashed independently of Fingerprint: UTF-8 bytes, 0xff after each name and value
    long expected = fnv1a(
        "alertname", "Disk", "alert" + BANG, "loud", "alert" + FIRE, "hot");
    assertThat(Fingerprint.of(labels).value()).as("any map is hashed in Go's order").isEqualTo(expected);
    // an Alert cannot carry these names: Alertmanager 0.25 refuses them (AlertNamesTest)
    assertThatThrownBy(() -> Alert.firing(labels).build()).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void alertIsFingerprintedAsItsLabels() {
    Alert alert = Alert.firing(Map.of("alertname", "Disk", "Zone", "b", "_id", "c", "a1", "d")).build();

    assertThat(alert.labels().keySet()).containsExactly("Zone", "_id", "a1", "alertname");
    assertThat(alert.fingerprint().value()).isEqualTo(fnv1a("Zone", "b", "_id", "c", "a1", "d", "alertname", "Disk"));
  }

  @Test
  void validationIsUnchanged() {
    Map<String, String> nullValue = new HashMap<>();
    nullValue.put("a", null);
    assertThatThrownBy(() -> Alert.firing(nullValue).build())
        .isInstanceOf(NullPointerException.class).hasMessage("labels.a must not be null");
    assertThatThrownBy(() -> Alert.firing(Map.of("", "x")).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessage("labels must not contain an empty name");
    assertThatThrownBy(() -> Alert.firing(Map.of()).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessage("an alert needs at least one label");
    assertThatThrownBy(() -> Alert.firing(Map.of("a", "1")).annotation("", "x").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessage("annotations must not contain an empty name");
  }

  @Test
  void labelsAreImmutable() {
    Alert alert = Alert.firing(Map.of("a", "1")).build();
    assertThatThrownBy(() -> alert.labels().put("b", "2")).isInstanceOf(UnsupportedOperationException.class);
    assertThat(alert.resolvedAt(java.time.Instant.EPOCH).fingerprint()).isEqualTo(alert.fingerprint());
  }

  private static long fnv1a(String... parts) {
    long hash = 0xcbf29ce484222325L;
    for (String part : parts) {
      for (byte b : part.getBytes(StandardCharsets.UTF_8)) {
        hash = (hash ^ (b & 0xff)) * 0x100000001b3L;
      }
      hash = (hash ^ 0xff) * 0x100000001b3L;
    }
    return hash;
  }
}
