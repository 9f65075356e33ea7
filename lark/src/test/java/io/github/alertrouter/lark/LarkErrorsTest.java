package io.github.alertrouter.lark;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.alertrouter.spi.FailureKind;
import io.github.alertrouter.spi.SendResult;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every row of docs/platforms.md §2.6 and the server-side codes LarkErrors cites, named. */
class LarkErrorsTest {
  static Stream<Arguments> rows() {
    return Stream.of(
        Arguments.of("9499 too many request", 9499, "too many request", FailureKind.RATE_LIMITED, true),
        Arguments.of("9499 Too Many Request (any case)", 9499, "Too Many Request", FailureKind.RATE_LIMITED, true),
        Arguments.of("9499 Bad Request", 9499, "Bad Request", FailureKind.BAD_REQUEST, false),
        Arguments.of("9499 fail to parse content", 9499, "fail to parse content", FailureKind.BAD_REQUEST, false),
        Arguments.of("9499 any other text", 9499, "some text Lark never documented", FailureKind.BAD_REQUEST, false),
        Arguments.of("11232 frequency limited", 11232, "frequency limited", FailureKind.RATE_LIMITED, true),
        Arguments.of("11233 chat rate limit", 11233, "create message chat trigger rate limit",
            FailureKind.RATE_LIMITED, true),
        Arguments.of("11247 internal rate limit", 11247, "internal send message trigger rate limit",
            FailureKind.RATE_LIMITED, true),
        Arguments.of("99991400 gateway frequency limit", 99991400, "request trigger frequency limit",
            FailureKind.RATE_LIMITED, true),
        Arguments.of("11235 @all for admins only", 11235, "this group is set to only admin can mention @All",
            FailureKind.CONTENT_REJECTED, false),
        Arguments.of("11246 content not created", 11246, "create message content fail",
            FailureKind.BAD_REQUEST, false),
        Arguments.of("11246 Service Internal Error", 11246, "Service Internal Error", FailureKind.SERVER_ERROR, true),
        Arguments.of("11248 sensitive", 11248, "message is sensitive", FailureKind.CONTENT_REJECTED, false),
        Arguments.of("11312 audit", 11312, "messages do not pass the audit", FailureKind.CONTENT_REJECTED, false),
        Arguments.of("19001 token invalid", 19001, "param invalid: incoming webhook access token invalid",
            FailureKind.INVALID_ROBOT, false),
        Arguments.of("19002 msg_type", 19002, "param invalid: msg_type", FailureKind.BAD_REQUEST, false),
        Arguments.of("19021 sign", 19021, "sign match fail", FailureKind.SIGNATURE_REJECTED, false),
        Arguments.of("19022 ip", 19022, "Ip Not Allowed", FailureKind.IP_REJECTED, false),
        Arguments.of("19024 keyword", 19024, "Key Words Not Found", FailureKind.KEYWORD_REJECTED, false),
        Arguments.of("19036 too big", 19036, "The message exceeds the size limit of 30KB", FailureKind.TOO_LONG, false),
        Arguments.of("11310 tables", 11310, "card table number over limit", FailureKind.BAD_REQUEST, false),
        Arguments.of("unknown code", 12345, "?", FailureKind.UNKNOWN, false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void classifies(String name, int code, String msg, FailureKind kind, boolean retryable) {
    SendResult r = LarkErrors.classify(code, msg, msg);
    if (retryable) {
      assertThat(r).isInstanceOfSatisfying(SendResult.Retryable.class, x -> {
        assertThat(x.kind()).isEqualTo(kind);
        assertThat(x.code()).isEqualTo(Integer.toString(code));
      });
    } else {
      assertThat(r).isInstanceOfSatisfying(SendResult.Permanent.class, x -> assertThat(x.kind()).isEqualTo(kind));
    }
  }

  @Test
  void anAtAllRefusalNamesItsCauseBeforeLarksText() {
    assertThat(LarkErrors.classify(11235, "this group is set to only admin can mention @All",
        "this group is set to only admin can mention @All"))
        .isEqualTo(new SendResult.Permanent(FailureKind.CONTENT_REJECTED, "11235",
            "group allows only admins to @all: this group is set to only admin can mention @All"));
  }

  @Test
  void moderationRefusalsNameTheirCauseBeforeLarksText() {
    assertThat(LarkErrors.classify(11248, "message is sensitive", "message is sensitive"))
        .isEqualTo(new SendResult.Permanent(FailureKind.CONTENT_REJECTED, "11248",
            "Lark found the content sensitive: message is sensitive"));
    assertThat(LarkErrors.classify(11312, "messages do not pass the audit", "messages do not pass the audit"))
        .isEqualTo(new SendResult.Permanent(FailureKind.CONTENT_REJECTED, "11312",
            "the content failed Lark's audit: messages do not pass the audit"));
    assertThat(LarkErrors.classify(11246, "card element invalid", "card element invalid"))
        .isEqualTo(new SendResult.Permanent(FailureKind.BAD_REQUEST, "11246",
            "Lark could not create the message content: card element invalid"));
  }

  @Test
  void otherCodesKeepLarksTextAsTheDetail() {
    assertThat(LarkErrors.classify(19024, "Key Words Not Found", "Key Words Not Found"))
        .isEqualTo(new SendResult.Permanent(FailureKind.KEYWORD_REJECTED, "19024", "Key Words Not Found"));
  }

  @Test
  void everyFixedRuleHasARow() {
    Set<Integer> tested = rows().map(a -> (Integer) a.get()[1]).collect(Collectors.toSet());
    assertThat(tested).containsAll(LarkErrors.rules().keySet());
  }
}
