package io.github.alertrouter.spi.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.alertrouter.spi.FailureKind;
import io.github.alertrouter.spi.SendResult;
import io.github.alertrouter.spi.render.ErrorTable.Rule;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ErrorTableTest {
  private static final ErrorTable TABLE = ErrorTable.of(Map.of(
          -1, Rule.retryable(FailureKind.SERVER_ERROR),
          45009, Rule.retryable(FailureKind.RATE_LIMITED, Duration.ofSeconds(60)),
          93000, Rule.permanent(FailureKind.INVALID_ROBOT),
          11235, Rule.permanent(FailureKind.CONTENT_REJECTED).because("group allows only admins to @all")))
      .byMessage(310000, msg -> Rule.permanent(msg.contains("keyword") ? FailureKind.KEYWORD_REJECTED
          : FailureKind.UNKNOWN))
      .unlisted(msg -> msg.contains("wrong json") ? Rule.permanent(FailureKind.BAD_REQUEST) : ErrorTable.UNKNOWN);

  static Stream<Arguments> rows() {
    return Stream.of(
        Arguments.of("retryable, the dispatcher's backoff", -1, "system busy",
            new SendResult.Retryable(FailureKind.SERVER_ERROR, "-1", "system busy", null)),
        Arguments.of("retryable with the platform's wait", 45009, "api freq out of limit",
            new SendResult.Retryable(FailureKind.RATE_LIMITED, "45009", "api freq out of limit", Duration.ofSeconds(60))),
        Arguments.of("permanent", 93000, "invalid webhook url",
            new SendResult.Permanent(FailureKind.INVALID_ROBOT, "93000", "invalid webhook url")),
        Arguments.of("a cause goes before the message", 11235, "only admin can mention @All",
            new SendResult.Permanent(FailureKind.CONTENT_REJECTED, "11235",
                "group allows only admins to @all: only admin can mention @All")),
        Arguments.of("an overloaded code: its message decides, in any case", 310000, "KEYWORDS not in content",
            new SendResult.Permanent(FailureKind.KEYWORD_REJECTED, "310000", "KEYWORDS not in content")),
        Arguments.of("an overloaded code with another message", 310000, "something else",
            new SendResult.Permanent(FailureKind.UNKNOWN, "310000", "something else")),
        Arguments.of("an overloaded code without a message", 310000, null,
            new SendResult.Permanent(FailureKind.UNKNOWN, "310000", "")),
        Arguments.of("an unlisted code the message names", 40035, "Warning: Wrong JSON format.",
            new SendResult.Permanent(FailureKind.BAD_REQUEST, "40035", "Warning: Wrong JSON format.")),
        Arguments.of("an unlisted code: permanent unknown, never success", 123456, "something new",
            new SendResult.Permanent(FailureKind.UNKNOWN, "123456", "something new")),
        Arguments.of("a listed code ignores the unlisted rule", 93000, "wrong json",
            new SendResult.Permanent(FailureKind.INVALID_ROBOT, "93000", "wrong json")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void classifies(String name, int code, String message, SendResult expected) {
    assertThat(TABLE.classify(code, message, message == null ? "" : message)).isEqualTo(expected);
  }

  @Test
  void withoutUnlistedEveryOtherCodeIsPermanentUnknown() {
    ErrorTable plain = ErrorTable.of(Map.of(1, Rule.permanent(FailureKind.TOO_LONG)));

    assertThat(plain.rule(2, "wrong json format")).isEqualTo(ErrorTable.UNKNOWN);
    assertThat(plain.rules()).containsOnlyKeys(1);
  }

  @Test
  void rulesListOnlyTheFixedRows() {
    assertThat(TABLE.rules()).containsOnlyKeys(-1, 45009, 93000, 11235);
  }

  @Test
  void aCodeHasOneRule() {
    assertThatThrownBy(() -> TABLE.byMessage(93000, msg -> ErrorTable.UNKNOWN))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("code 93000 already has a rule");
    assertThatThrownBy(() -> TABLE.byMessage(310000, msg -> ErrorTable.UNKNOWN))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("code 310000 already has a rule");
  }

  @Test
  void onlyARetryableRuleWaits() {
    assertThatThrownBy(() -> new Rule(FailureKind.TOO_LONG, false, Duration.ofSeconds(1), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("retryAfter must be a wait >= 0 of a retryable rule, but was PT1S on a permanent TOO_LONG");
    assertThatThrownBy(() -> Rule.retryable(FailureKind.RATE_LIMITED, Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("retryAfter must be a wait >= 0 of a retryable rule, but was PT-1S");
  }
}
