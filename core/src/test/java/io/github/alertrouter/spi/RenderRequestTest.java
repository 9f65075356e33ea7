package io.github.alertrouter.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.alertrouter.config.Robot;
import io.github.alertrouter.config.Secret;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RenderRequestTest {
  private static Robot robot(Map<String, String> options) {
    return new Robot("r", "dingtalk", Secret.of("https://x/y"), null, null, options);
  }

  @Test
  void defaultsAreUtcAndTruncate() {
    assertThat(RenderRequest.displayZone(robot(Map.of()))).isEqualTo(ZoneId.of("UTC"));
    assertThat(RenderRequest.overflow(robot(Map.of()))).isEqualTo(Overflow.TRUNCATE);
  }

  @Test
  void optionsAreRead() {
    Robot r = robot(Map.of("timeZone", "Asia/Shanghai", "overflow", "SPLIT"));
    assertThat(RenderRequest.displayZone(r)).isEqualTo(ZoneId.of("Asia/Shanghai"));
    assertThat(RenderRequest.overflow(r)).isEqualTo(Overflow.SPLIT);
  }

  @Test
  void badOptionsAreNamed() {
    assertThatThrownBy(() -> RenderRequest.displayZone(robot(Map.of("timeZone", "+08:00x"))))
        .hasMessage("robot r: options.timeZone must be an IANA time zone, but was \"+08:00x\"");
    assertThatThrownBy(() -> RenderRequest.overflow(robot(Map.of("overflow", "wrap"))))
        .hasMessage("robot r: options.overflow must be truncate or split, but was \"wrap\"");
  }
}
