package io.github.alertrouter.wecom;

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

class WeComErrorsTest {
  private static final String MORE = ", more info at https://open.work.weixin.qq.com/devtool/query?e=";

  static Stream<Arguments> rows() {
    return Stream.of(
        retryable("system busy", -1, "system busy", FailureKind.SERVER_ERROR, null),
        retryable("20 per minute", 45009, "api freq out of limit" + MORE + 45009, FailureKind.RATE_LIMITED,
            Duration.ofSeconds(60)),
        retryable("concurrency", 45033, "api concurrent out of limit", FailureKind.RATE_LIMITED, Duration.ofSeconds(2)),
        permanent("too long", 40058, "content exceed max length 4096" + MORE + 40058, FailureKind.TOO_LONG),
        permanent("invalid msgtype", 40008, "invalid message type", FailureKind.BAD_REQUEST),
        permanent("invalid media_id", 40007, "invalid media_id", FailureKind.BAD_REQUEST),
        permanent("empty content", 44004, "empty content", FailureKind.BAD_REQUEST),
        permanent("wrong or removed key", 93000, "invalid webhook url, hint: [1]" + MORE + 93000,
            FailureKind.INVALID_ROBOT),
        permanent("bad JSON under any code", 40035, "invalid parameter, Warning: wrong json format.",
            FailureKind.BAD_REQUEST),
        permanent("bad JSON, any case", 4_000_000, "WARNING: Wrong JSON Format.", FailureKind.BAD_REQUEST),
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
    assertThat(WeComErrors.classify(code, errmsg, errmsg)).isEqualTo(expected);
  }

  @Test
  void everyTableRowIsCoveredByTheTest() {
    Set<Integer> tested = rows().map(row -> (Integer) row.get()[1]).collect(Collectors.toSet());
    assertThat(tested).containsAll(WeComErrors.rules().keySet());
  }
}
