package io.github.alertrouter.dingtalk;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.alertrouter.spi.FailureKind;
import io.github.alertrouter.spi.SendResult;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DingTalkErrorsTest {
  private static final Duration PENALTY = Duration.ofMinutes(10);

  static Stream<Arguments> rows() {
    return Stream.of(
        retryable("system busy", -1, "system busy", FailureKind.SERVER_ERROR, null),
        retryable("rate limited (doc)", 410100, "send too fast, exceed 20 times per minute",
            FailureKind.RATE_LIMITED, PENALTY),
        retryable("rate limited (legacy)", 130101, "send too fast, exceed 20 times per minute",
            FailureKind.RATE_LIMITED, PENALTY),
        permanent("keyword missing", 310000, "keywords not in content", FailureKind.KEYWORD_REJECTED),
        permanent("sign mismatch", 310000, "sign not match", FailureKind.SIGNATURE_REJECTED),
        permanent("timestamp out of window", 310000, "invalid timestamp", FailureKind.SIGNATURE_REJECTED),
        permanent("ip not allowed", 310000, "ip 10.1.2.3 not in whitelist", FailureKind.IP_REJECTED),
        permanent("undocumented security cause", 310000, "description unknown", FailureKind.UNKNOWN),
        permanent("group dissolved", 400013, "group is dissolved", FailureKind.INVALID_ROBOT),
        permanent("token does not exist", 400101, "access_token not exist", FailureKind.INVALID_ROBOT),
        permanent("token does not exist (300001)", 300001, "token is not exist", FailureKind.INVALID_ROBOT),
        permanent("token does not exist (300005)", 300005, "token is not exist", FailureKind.INVALID_ROBOT),
        permanent("robot disabled", 400102, "robot stopped", FailureKind.INVALID_ROBOT),
        permanent("robot does not exist", 400106, "robot not exist", FailureKind.INVALID_ROBOT),
        permanent("unsupported msgtype", 400105, "not supported msgtype", FailureKind.BAD_REQUEST),
        permanent("missing access_token", 40035, "缺少参数 access_token", FailureKind.BAD_REQUEST),
        permanent("must POST", 43002, "需要POST请求", FailureKind.BAD_REQUEST),
        permanent("wrong Content-Type", 43004, "无效的HTTP HEADER Content-Type", FailureKind.BAD_REQUEST),
        permanent("unsafe link", 430101, "含有不安全的外链", FailureKind.CONTENT_REJECTED),
        permanent("unsafe text", 430102, "含有不合适的文本", FailureKind.CONTENT_REJECTED),
        permanent("unsafe image", 430103, "含有不合适的图片", FailureKind.CONTENT_REJECTED),
        permanent("unsafe content", 430104, "含有不合适的内容", FailureKind.CONTENT_REJECTED),
        permanent("too long", 460101, "message too long, exceed 20000 bytes", FailureKind.TOO_LONG),
        permanent("too long (older)", 101002, "message is too long", FailureKind.TOO_LONG),
        permanent("quota", 90030, "webhook over limit", FailureKind.QUOTA_EXCEEDED),
        permanent("unknown code", 123456, "something new", FailureKind.UNKNOWN));
  }

  private static Arguments retryable(String name, int code, String msg, FailureKind kind, Duration after) {
    return Arguments.of(name, code, msg, new SendResult.Retryable(kind, Integer.toString(code), msg, after));
  }

  private static Arguments permanent(String name, int code, String msg, FailureKind kind) {
    return Arguments.of(name, code, msg, new SendResult.Permanent(kind, Integer.toString(code), msg));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("rows")
  void classifiesEveryDocumentedCode(String name, int code, String errmsg, SendResult expected) {
    assertThat(DingTalkErrors.classify(code, errmsg, errmsg)).isEqualTo(expected);
  }

  @Test
  void everyTableRowIsCoveredByTheTest() {
    Set<Integer> tested = rows().map(row -> (Integer) row.get()[1]).collect(Collectors.toSet());
    assertThat(tested).containsAll(DingTalkErrors.rules().keySet());
  }
}
