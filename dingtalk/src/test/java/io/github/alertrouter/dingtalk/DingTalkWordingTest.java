package io.github.alertrouter.dingtalk;

import io.github.alertrouter.spi.OutboundMessage;
import io.github.alertrouter.spi.PlatformProvider;
import io.github.alertrouter.testkit.PlatformSimulator;
import io.github.alertrouter.testkit.WordingContractTest;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** DingTalk's built-in words in en and zh-CN in every message type, against the wording contract and the DingTalk simulator. */
class DingTalkWordingTest extends WordingContractTest {
  @Override
  protected PlatformProvider provider() {
    return new DingTalkProvider();
  }

  @Override
  protected PlatformSimulator startSimulator(Clock clock) {
    return DingTalkSimulator.start(clock);
  }

  @Override
  protected List<Map<String, String>> messageTypeOptions() {
    return List.of(Map.of("msgType", "markdown"), Map.of("msgType", "actionCard"));
  }

  @Override
  protected boolean withinSizeLimit(OutboundMessage message) {
    return message.bytes() <= 20_000;
  }
}
