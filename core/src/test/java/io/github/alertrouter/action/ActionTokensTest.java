package io.github.alertrouter.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.alertrouter.config.Secret;
import io.github.alertrouter.store.UsedTokens;
import io.github.alertrouter.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ActionTokensTest {
  static final String KEY_TEXT = "k3y-material-that-is-long-enough-0123456789";
  static final Secret KEY = Secret.of(KEY_TEXT);
  static final Secret OTHER_KEY = Secret.of("another-key-material-also-long-enough-9876543210");
  static final Instant T0 = Instant.parse("2026-03-01T10:15:30Z");
  static final Duration TTL = Duration.ofHours(24);

  final ManualClock clock = new ManualClock(T0);
  final ActionTokens tokens = new ActionTokens(KEY, clock, TTL);

  @ParameterizedTest(name = "{0}")
  @EnumSource(value = Action.class, names = "SILENCE", mode = EnumSource.Mode.EXCLUDE)
  void roundTrip(Action action) {
    String token = tokens.issue(action, "{}:{alertname=\"DiskFull\"}");

    Verified v = tokens.verify(token);

    assertThat(v).isInstanceOfSatisfying(Verified.Valid.class, valid -> {
      ActionToken t = valid.token();
      assertThat(t.action()).isEqualTo(action);
      assertThat(t.groupKey()).isEqualTo("{}:{alertname=\"DiskFull\"}");
      assertThat(t.silenceFor()).isEmpty();
      assertThat(t.issuedAt()).isEqualTo(T0);
      assertThat(t.expiresAt()).isEqualTo(T0.plus(TTL));
      assertThat(t.nonce()).hasSize(22);
    });
    assertThat(token).matches("[A-Za-z0-9_.-]+");
  }

  @Test
  void silenceRoundTripCarriesTheDuration() {
    String token = tokens.issueSilence("grp <ü> ∑", Duration.ofHours(1));

    assertThat(tokens.verify(token)).isInstanceOfSatisfying(Verified.Valid.class, valid -> {
      assertThat(valid.token().action()).isEqualTo(Action.SILENCE);
      assertThat(valid.token().silenceFor()).contains(Duration.ofHours(1));
      assertThat(valid.token().groupKey()).isEqualTo("grp <ü> ∑");
    });
  }

  @Test
  void everyTokenHasItsOwnNonce() {
    String a = tokens.issue(Action.RESOLVE, "g");
    String b = tokens.issue(Action.RESOLVE, "g");

    assertThat(a).isNotEqualTo(b);
    assertThat(nonce(a)).isNotEqualTo(nonce(b));
  }

  static Stream<Arguments> tamperings() {
    return Stream.of(
        Arguments.of("flip a char in the key id", (UnaryOperator<String>) t -> flip(t, 0)),
        Arguments.of("flip a char at the start of the payload", (UnaryOperator<String>) t -> flip(t, t.indexOf('.') + 1)),
        Arguments.of("flip a char in the middle of the payload", (UnaryOperator<String>) t -> flip(t, t.indexOf('.') + 20)),
        Arguments.of("flip the last char of the payload", (UnaryOperator<String>) t -> flip(t, t.lastIndexOf('.') - 1)),
        Arguments.of("flip the first char of the mac", (UnaryOperator<String>) t -> flip(t, t.lastIndexOf('.') + 1)),
        Arguments.of("flip the last char of the mac (unused bits)", (UnaryOperator<String>) t -> flipLowBit(t, t.length() - 1)),
        Arguments.of("swap the mac of another token", (UnaryOperator<String>) t -> t.substring(0, t.lastIndexOf('.'))
            + new ActionTokens(KEY, new ManualClock(T0), TTL).issue(Action.RESOLVE, "x").substring(t.lastIndexOf('.'))),
        Arguments.of("signed with another key", (UnaryOperator<String>) t -> new ActionTokens(OTHER_KEY, new ManualClock(T0), TTL)
            .issue(Action.ACKNOWLEDGE, "g")),
        Arguments.of("other key's mac under our key id", (UnaryOperator<String>) t -> {
          String forged = new ActionTokens(OTHER_KEY, new ManualClock(T0), TTL).issue(Action.ACKNOWLEDGE, "g");
          return t.substring(0, t.indexOf('.')) + forged.substring(forged.indexOf('.'));
        }));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tamperings")
  void tamperedTokensAreRefused(String name, UnaryOperator<String> tamper) {
    String token = tokens.issue(Action.ACKNOWLEDGE, "g");
    String altered = tamper.apply(token);

    assertThat(altered).isNotEqualTo(token);
    assertThat(tokens.verify(altered)).isInstanceOf(Verified.Tampered.class);
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"", "abc", "a.b", "a.b.c.d", "a.b.c", "a..b", "<script>.x.y", "a b.c.d", "a.b.ccccccccccccccccccccccccccccccccccccccccccc="})
  void malformedTokensAreRefused(String text) {
    assertThat(tokens.verify(text)).isInstanceOf(Verified.Malformed.class);
  }

  @Test
  void tooLongIsMalformed() {
    assertThat(tokens.verify("a".repeat(ActionTokens.MAX_TOKEN_LENGTH + 1))).isInstanceOf(Verified.Malformed.class);
  }

  static Stream<Arguments> expiryBoundary() {
    return Stream.of(
        Arguments.of("just issued", Duration.ZERO, true),
        Arguments.of("one second before expiry", TTL.minusSeconds(1), true),
        Arguments.of("one nanosecond before expiry", TTL.minusNanos(1), true),
        Arguments.of("exactly at expiry", TTL, false),
        Arguments.of("long after", TTL.multipliedBy(10), false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("expiryBoundary")
  void expiryIsExclusive(String name, Duration later, boolean valid) {
    String token = tokens.issue(Action.RESOLVE, "g");
    clock.advance(later);

    Verified v = tokens.verify(token);

    if (valid) {
      assertThat(v).isInstanceOf(Verified.Valid.class);
    } else {
      assertThat(v).isEqualTo(new Verified.Expired(T0.plus(TTL)));
    }
  }

  @Test
  void issuedAtIsTruncatedToSecondsSoExpiryIsToo() {
    clock.set(T0.plusMillis(999));
    String token = tokens.issue(Action.RESOLVE, "g");

    assertThat(tokens.verify(token)).isInstanceOfSatisfying(Verified.Valid.class,
        v -> assertThat(v.token().expiresAt()).isEqualTo(T0.plus(TTL)));
  }

  @Test
  void aTokenWorksOnce() {
    String token = tokens.issue(Action.RESOLVE, "g");
    ActionToken t = ((Verified.Valid) tokens.verify(token)).token();

    assertThat(tokens.markUsed(t)).isTrue();
    assertThat(tokens.markUsed(t)).isFalse();
    assertThat(tokens.verify(token)).isInstanceOf(Verified.Replayed.class);
  }

  @Test
  void releaseMakesATokenUsableAgain() {
    String token = tokens.issue(Action.RESOLVE, "g");
    ActionToken t = ((Verified.Valid) tokens.verify(token)).token();
    tokens.markUsed(t);

    tokens.release(t);

    assertThat(tokens.verify(token)).isInstanceOf(Verified.Valid.class);
  }

  @Test
  void retiredKeysStillVerifyButNewTokensUseTheCurrentKey() {
    String old = tokens.issue(Action.ACKNOWLEDGE, "g");
    ActionTokens rotated = new ActionTokens(OTHER_KEY, List.of(KEY), clock, TTL, UsedTokens.inMemory(clock));
    String fresh = rotated.issue(Action.ACKNOWLEDGE, "g");

    assertThat(rotated.verify(old)).isInstanceOf(Verified.Valid.class);
    assertThat(tokens.verify(fresh)).isInstanceOf(Verified.Tampered.class);
    assertThat(fresh.substring(0, fresh.indexOf('.'))).isNotEqualTo(old.substring(0, old.indexOf('.')));
  }

  @Test
  void rejectsBadArgumentsWithoutRevealingTheKey() {
    assertThatThrownBy(() -> new ActionTokens(Secret.of("short-secret-value"), clock, TTL))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("action signing key must be at least 32 bytes, but was 18 bytes")
        .hasMessageNotContaining("short-secret-value");
    assertThatThrownBy(() -> new ActionTokens(KEY, clock, Duration.ofMillis(10)))
        .hasMessage("ttl must be >= 1s, but was PT0.01S");
    assertThatThrownBy(() -> tokens.issue(Action.SILENCE, "g")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> tokens.issueSilence("g", Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> tokens.issue(Action.RESOLVE, "")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> tokens.issue(Action.RESOLVE, "x".repeat(1025)))
        .hasMessage("groupKey must be 1..1024 UTF-8 bytes, but was 1025");
  }

  @Test
  void nothingPrintsTheKey() {
    String token = tokens.issue(Action.ACKNOWLEDGE, "g");
    List<Object> printed = List.of(tokens, tokens.verify(token), tokens.verify(flip(token, 3)),
        tokens.verify("x"), UsedTokens.inMemory(clock));

    assertThat(printed).allSatisfy(o -> assertThat(o.toString()).doesNotContain(KEY_TEXT));
    assertThat(printed).allSatisfy(o -> assertThat(o instanceof Verified v ? v.describe() : "").doesNotContain(KEY_TEXT));
    assertThat(token).doesNotContain(KEY_TEXT);
  }

  @Test
  void actionTokenChecksItsInvariants() {
    assertThatThrownBy(() -> new ActionToken(Action.SILENCE, "g", Optional.empty(), T0, T0.plusSeconds(1), "n", "k"))
        .hasMessage("silenceFor must be present exactly for SILENCE, but action was SILENCE and silenceFor was empty");
    assertThatThrownBy(() -> new ActionToken(Action.RESOLVE, "g", Optional.empty(), T0, T0, "n", "k"))
        .hasMessageStartingWith("expiresAt must be after issuedAt");
  }

  static String flip(String s, int i) {
    char c = s.charAt(i);
    char replacement = c == 'A' ? 'B' : 'A';
    return s.substring(0, i) + replacement + s.substring(i + 1);
  }

  /** Changes a base64 char to its neighbour in the alphabet, which differs only in the lowest bit. */
  static String flipLowBit(String s, int i) {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    int idx = alphabet.indexOf(s.charAt(i));
    return s.substring(0, i) + alphabet.charAt(idx ^ 1) + s.substring(i + 1);
  }

  static String nonce(String token) {
    return token.split("\\.")[1].substring(36, 58);
  }
}
