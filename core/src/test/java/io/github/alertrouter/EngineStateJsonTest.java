package io.github.alertrouter;

import io.github.alertrouter.store.NotificationLog.Entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.alertrouter.config.Condition;
import io.github.alertrouter.config.Silence;
import io.github.alertrouter.store.EscalationState;
import io.github.alertrouter.store.FiringSlot;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EngineStateJsonTest {
  private static final Instant T = Instant.parse("2026-03-09T10:00:00Z");
  private static final String GROUP = "payments\u0000{}:{alertname=\"DiskFull\"}";

  private static EngineState state() {
    Alert firing = Alert.firing(Map.of("alertname", "DiskFull", "instance", "db-1"))
        .annotation("summary", "disk \"95%\" full\n<at user_id=\"all\">").startsAt(T).generatorURL("http://prom/graph").build();
    Alert resolved = Alert.firing(Map.of("alertname", "CPU")).startsAt(T).endsAt(T.plusSeconds(60)).build();
    Entry entry = new Entry(Set.of(firing.fingerprint()), Set.of(resolved.fingerprint()), T.plusSeconds(30));
    EscalationState episode = new EscalationState(T, Map.of(new FiringSlot(1, 2, 0), T.plusSeconds(600)),
        "bob", T.plusSeconds(90), false);
    Silence silence = new Silence("maint", List.of(Condition.eq("alertname", "X"), Condition.re("env", "prod|dev")),
        T, T.plusSeconds(3600), "alice", "planned work");
    // the first robot's chat got the notice; the second's did not (it gave up): only the first is logged
    GroupLog log = new GroupLog(entry, Map.of("sre-ding", new Entry(entry.firing(), entry.resolved(), T.plusSeconds(31))));
    return new EngineState(T.plusSeconds(120), List.of(firing, resolved), Map.of(GROUP, log),
        Map.of("{}:{alertname=\"DiskFull\"}", episode), List.of(silence), Map.of("n0nce", T.plusSeconds(86_400)));
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
    EngineState empty = new EngineState(T, List.of(), Map.of(), Map.of(), List.of(), Map.of());
    assertThat(RouterSnapshot.fromJson(empty.toJson())).isEqualTo(empty);
  }

  @Test
  void aDamagedSnapshotIsRefusedNamingWhere() {
    String good = new String(state().toJson(), StandardCharsets.UTF_8);

    assertThatThrownBy(() -> read(good.replace("\"version\":2", "\"version\":3")))
        .hasMessage("snapshot /version: must be 1 or 2, but was 3");
    assertThatThrownBy(() -> read(good.replace("\"at\":\"2026-03-09T10:00:30Z\"", "\"at\":\"yesterday\"")))
        .hasMessage("snapshot /notified/0/at: not an RFC 3339 time: \"yesterday\"");
    assertThatThrownBy(() -> read(good.replace("\"op\":\"RE\"", "\"op\":\"LIKE\"")))
        .hasMessage("snapshot /silences/0/matchers/1/op: unknown operator \"LIKE\"");
    assertThatThrownBy(() -> read(good.replace("\"labels\":{\"alertname\":\"CPU\"}", "\"labels\":{}")))
        .hasMessageStartingWith("snapshot /alerts/1: an alert needs at least one label");
    assertThatThrownBy(() -> read(good.substring(0, good.length() / 2)))
        .hasMessageStartingWith("snapshot: not JSON");
  }

  @Test
  void aVersionOneEntrySaysWhatEveryRobotReceived() {
    // version 1 wrote one entry per group, recorded when the notice was handed over to every robot
    String v1 = "{\"version\":1,\"takenAt\":\"2026-03-09T10:02:00Z\",\"alerts\":[],\"notified\":[{\"group\":\"g\","
        + "\"firing\":[],\"resolved\":[],\"at\":\"2026-03-09T10:00:30Z\"}],\"escalations\":[],\"silences\":[]}";

    EngineState read = (EngineState) read(v1);

    Entry entry = new Entry(Set.of(), Set.of(), T.plusSeconds(30));
    assertThat(read.log()).containsExactly(Map.entry("g", new GroupLog(entry, Map.of(GroupLog.EVERY_ROBOT, entry))));
    assertThat(read.usedTokens()).isEmpty();
  }

  @Test
  void anAlertWhoseNamesAreNoLongerAcceptedIsLeftOutAndTheRestIsRead() {
    // an older version accepted "my label"; refusing the whole state would start the server empty
    String json = "{\"version\":2,\"takenAt\":\"2026-03-09T10:02:00Z\",\"alerts\":["
        + "{\"labels\":{\"my label\":\"x\"},\"startsAt\":\"2026-03-09T10:00:00Z\",\"endsAt\":null},"
        + "{\"labels\":{\"alertname\":\"DiskFull\"},\"startsAt\":\"2026-03-09T10:00:00Z\",\"endsAt\":null}]}";

    EngineState read = (EngineState) read(json);

    assertThat(read.alerts()).singleElement().satisfies(a -> assertThat(a.label("alertname")).isEqualTo("DiskFull"));
  }

  private static RouterSnapshot read(String json) {
    return RouterSnapshot.fromJson(json.getBytes(StandardCharsets.UTF_8));
  }
}
