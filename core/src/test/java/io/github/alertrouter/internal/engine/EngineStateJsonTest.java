package io.github.alertrouter.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.alertrouter.Alert;
import io.github.alertrouter.RouterSnapshot;
import io.github.alertrouter.config.Condition;
import io.github.alertrouter.config.Silence;
import io.github.alertrouter.escalate.EscalationState;
import io.github.alertrouter.escalate.FiringSlot;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EngineStateJsonTest {
  private static final Instant T = Instant.parse("2026-03-09T10:00:00Z");

  private static EngineState state() {
    Alert firing = Alert.firing(Map.of("alertname", "DiskFull", "instance", "db-1"))
        .annotation("summary", "disk \"95%\" full\n<at user_id=\"all\">").startsAt(T).generatorURL("http://prom/graph").build();
    Alert resolved = Alert.firing(Map.of("alertname", "CPU")).startsAt(T).endsAt(T.plusSeconds(60)).build();
    LogEntry entry = new LogEntry(Set.of(firing.fingerprint()), Set.of(resolved.fingerprint()), T.plusSeconds(30));
    EscalationState episode = new EscalationState(T, Map.of(new FiringSlot(1, 2, 0), T.plusSeconds(600)),
        "bob", T.plusSeconds(90), false);
    Silence silence = new Silence("maint", List.of(Condition.eq("alertname", "X"), Condition.re("env", "prod|dev")),
        T, T.plusSeconds(3600), "alice", "planned work");
    return new EngineState(T.plusSeconds(120), List.of(firing, resolved), Map.of("payments\u0000{}:{alertname=\"DiskFull\"}", entry),
        Map.of("{}:{alertname=\"DiskFull\"}", episode), List.of(silence));
  }

  @Test
  void aSnapshotReadsBackAsItWasWritten() {
    EngineState written = state();

    RouterSnapshot read = RouterSnapshot.fromJson(written.toJson());

    assertThat(read).isEqualTo(written);
    assertThat(read.alertCount()).isEqualTo(2);
    assertThat(read.takenAt()).isEqualTo(T.plusSeconds(120));
  }

  @Test
  void anEmptyRouterHasAnEmptySnapshot() {
    EngineState empty = new EngineState(T, List.of(), Map.of(), Map.of(), List.of());
    assertThat(RouterSnapshot.fromJson(empty.toJson())).isEqualTo(empty);
  }

  @Test
  void aDamagedSnapshotIsRefusedNamingWhere() {
    String good = new String(state().toJson(), StandardCharsets.UTF_8);

    assertThatThrownBy(() -> read(good.replace("\"version\":1", "\"version\":2")))
        .hasMessage("snapshot /version: must be 1, but was 2");
    assertThatThrownBy(() -> read(good.replace("\"at\":\"2026-03-09T10:00:30Z\"", "\"at\":\"yesterday\"")))
        .hasMessage("snapshot /notified/0/at: not an RFC 3339 time: \"yesterday\"");
    assertThatThrownBy(() -> read(good.replace("\"op\":\"RE\"", "\"op\":\"LIKE\"")))
        .hasMessage("snapshot /silences/0/matchers/1/op: unknown operator \"LIKE\"");
    assertThatThrownBy(() -> read(good.replace("\"labels\":{\"alertname\":\"CPU\"}", "\"labels\":{}")))
        .hasMessageStartingWith("snapshot /alerts/1: an alert needs at least one label");
    assertThatThrownBy(() -> read(good.substring(0, good.length() / 2)))
        .hasMessageStartingWith("snapshot: not JSON");
  }

  private static RouterSnapshot read(String json) {
    return RouterSnapshot.fromJson(json.getBytes(StandardCharsets.UTF_8));
  }
}
