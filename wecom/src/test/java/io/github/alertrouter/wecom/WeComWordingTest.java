package io.github.alertrouter.wecom;

import io.github.alertrouter.spi.OutboundMessage;
import io.github.alertrouter.spi.PlatformProvider;
import io.github.alertrouter.testkit.PlatformSimulator;
import io.github.alertrouter.testkit.WordingContractTest;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** WeCom's built-in words in en and zh-CN in every message type, against the wording contract and the WeCom simulator. */
class WeComWordingTest extends WordingContractTest {
  @Override
  protected PlatformProvider provider() {
    return new WeComProvider();
  }

  @Override
  protected PlatformSimulator startSimulator(Clock clock) {
    return WeComSimulator.start(clock);
  }

  @Override
  protected List<Map<String, String>> messageTypeOptions() {
    return List.of(Map.of("msgType", "markdown"), Map.of("msgType", "text"), Map.of("msgType", "markdown_v2"));
  }

  @Override
  protected boolean withinSizeLimit(OutboundMessage message) {
    return Fixtures.withinLimit(message);
  }
}
