package io.github.alertrouter.silence;

import static io.github.alertrouter.config.Condition.eq;
import static io.github.alertrouter.config.Condition.neq;
import static io.github.alertrouter.config.Condition.re;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.alertrouter.config.Condition;
import io.github.alertrouter.config.Silence;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SilencerTest {
  private static final Instant T0 = Instant.parse("2026-03-08T02:00:00Z");
  private static final Instant T1 = T0.plus(Duration.ofHours(1));
  private static final Instant T2 = T0.plus(Duration.ofHours(2));
  private static final Map<String, String> STAGING =
      Map.of("alertname", "HighErrorRate", "env", "staging", "team", "payments");
  private static final Map<String, String> NO_TEAM = Map.of("alertname", "HighErrorRate", "env", "staging");

  private static Silence silence(String id, Instant from, Instant to, Condition... matchers) {
    return new Silence(id, List.of(matchers), from, to, "bob", "load test");
  }

  static Stream<Arguments> silencedBy() {
    Silence staging = silence("s1", T0, T1, eq("env", "staging"));
    return Stream.of(
        row("no silences", List.of(), STAGING, T0, List.of()),
        row("active at startsAt (inclusive)", List.of(staging), STAGING, T0, List.of("s1")),
        row("active inside window", List.of(staging), STAGING, T0.plusSeconds(1800), List.of("s1")),
        row("active one nanosecond before endsAt", List.of(staging), STAGING, T1.minusNanos(1), List.of("s1")),
        row("ended at endsAt (exclusive)", List.of(staging), STAGING, T1, List.of()),
        row("expired long ago", List.of(staging), STAGING, T2, List.of()),
        row("future: one nanosecond before startsAt", List.of(staging), STAGING, T0.minusNanos(1), List.of()),
        row("matcher does not hold", List.of(silence("s1", T0, T1, eq("env", "prod"))), STAGING, T0, List.of()),
        row("all matchers must hold", List.of(silence("s1", T0, T1, eq("env", "staging"), eq("team", "search"))),
            STAGING, T0, List.of()),
        row("all matchers hold", List.of(silence("s1", T0, T1, eq("env", "staging"), eq("team", "payments"))),
            STAGING, T0, List.of("s1")),
        row("regex fully matches", List.of(silence("s1", T0, T1, re("team", "pay.*"))), STAGING, T0, List.of("s1")),
        row("regex is anchored", List.of(silence("s1", T0, T1, re("team", "pay"))), STAGING, T0, List.of()),
        row("regex alternation", List.of(silence("s1", T0, T1, re("env", "dev|staging"))), STAGING, T0, List.of("s1")),
        row("missing label equals \"\"", List.of(silence("s1", T0, T1, eq("team", ""))), NO_TEAM, T0, List.of("s1")),
        row("neq \"\" needs the label: missing", List.of(silence("s1", T0, T1, neq("team", ""))), NO_TEAM, T0, List.of()),
        row("neq \"\" needs the label: present", List.of(silence("s1", T0, T1, neq("team", ""))), STAGING, T0, List.of("s1")),
        row("neq on a missing label holds", List.of(silence("s1", T0, T1, neq("team", "payments"))), NO_TEAM, T0,
            List.of("s1")),
        row("several, reported in id order",
            List.of(silence("zeta", T0, T1, eq("env", "staging")), silence("alpha", T0, T2, re("team", ".+")),
                silence("mid", T1, T2, eq("env", "staging"))),
            STAGING, T0, List.of("alpha", "zeta")),
        row("only the active ones of several",
            List.of(silence("zeta", T0, T1, eq("env", "staging")), silence("alpha", T0, T2, re("team", ".+")),
                silence("mid", T1, T2, eq("env", "staging"))),
            STAGING, T1, List.of("alpha", "mid")));
  }

  private static Arguments row(String name, List<Silence> silences, Map<String, String> labels, Instant at,
      List<String> expected) {
    return Arguments.of(name, silences, labels, at, expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void silencedBy(String name, List<Silence> silences, Map<String, String> labels, Instant at, List<String> expected) {
    Silencer silencer = Silencer.of(silences);

    assertThat(silencer.silencedBy(labels, at)).containsExactlyElementsOf(expected);
    assertThat(silencer.silenced(labels, at)).isEqualTo(!expected.isEmpty());
  }

  static Stream<Arguments> expire() {
    return Stream.of(
        Arguments.of("active: ends at the given instant", T0.plusSeconds(60), List.of(T0 + "/" + T0.plusSeconds(60))),
        Arguments.of("already ended: no-op", T1.plusSeconds(60), List.of(T0 + "/" + T1)),
        Arguments.of("ended exactly at: no-op", T1, List.of(T0 + "/" + T1)),
        Arguments.of("not started yet: removed, it never took effect", T0.minusSeconds(60), List.of()),
        Arguments.of("expired at startsAt: removed, its window would be empty", T0, List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void expire(String name, Instant at, List<String> remainingWindows) {
    Silencer silencer = Silencer.of(List.of(silence("s1", T0, T1, eq("env", "staging"))));

    silencer.expire("s1", at);

    assertThat(silencer.silences()).map(s -> s.startsAt() + "/" + s.endsAt())
        .containsExactlyElementsOf(remainingWindows);
    assertThat(silencer.silencedBy(STAGING, at)).isEmpty();
  }

  @Test
  void expiredSilenceKeepsMutingBeforeItsNewEnd() {
    Silencer silencer = Silencer.of(List.of(silence("s1", T0, T1, eq("env", "staging"))));

    silencer.expire("s1", T0.plusSeconds(60));

    assertThat(silencer.silencedBy(STAGING, T0.plusSeconds(59))).containsExactly("s1");
    assertThat(silencer.silencedBy(STAGING, T0.plusSeconds(60))).isEmpty();
    assertThat(silencer.silences().get(0)).extracting(Silence::createdBy, Silence::comment)
        .containsExactly("bob", "load test");
  }

  @Test
  void expiringAnUnknownIdNamesIt() {
    Silencer silencer = Silencer.of(List.of(silence("s1", T0, T1, eq("env", "staging"))));

    assertThatThrownBy(() -> silencer.expire("s2", T0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"s2\"");
  }

  @Test
  void addReplacesTheSilenceWithTheSameId() {
    Silencer silencer = Silencer.of(List.of(silence("s1", T0, T1, eq("env", "staging"))));

    silencer.add(silence("s1", T0, T1, eq("env", "prod")));
    silencer.add(silence("s0", T1, T2, eq("team", "payments")));

    assertThat(silencer.silences()).extracting(Silence::id).containsExactly("s0", "s1");
    assertThat(silencer.silencedBy(STAGING, T0)).isEmpty();
    assertThat(silencer.silencedBy(Map.of("env", "prod"), T0)).containsExactly("s1");
    assertThat(silencer.silencedBy(STAGING, T1)).containsExactly("s0");
  }

  @Test
  void addAfterExpireRevivesTheId() {
    Silencer silencer = Silencer.of(List.of(silence("s1", T0, T1, eq("env", "staging"))));
    silencer.expire("s1", T0.minusSeconds(1));

    silencer.add(silence("s1", T0, T2, eq("env", "staging")));

    assertThat(silencer.silencedBy(STAGING, T1)).containsExactly("s1");
  }

  @Test
  void duplicateIdsInTheInitialListAreRejected() {
    List<Silence> twice = List.of(silence("s1", T0, T1, eq("env", "a")), silence("s1", T0, T1, eq("env", "b")));

    assertThatThrownBy(() -> Silencer.of(twice))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"s1\"");
  }

  @Test
  void resultsAreImmutable() {
    Silencer silencer = Silencer.of(List.of(silence("s1", T0, T1, eq("env", "staging"))));

    assertThatThrownBy(() -> silencer.silencedBy(STAGING, T0).add("x")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> silencer.silences().clear()).isInstanceOf(UnsupportedOperationException.class);
  }
}
