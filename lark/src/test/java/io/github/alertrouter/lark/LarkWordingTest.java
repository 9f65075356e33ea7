package io.github.alertrouter.lark;

import io.github.alertrouter.spi.OutboundMessage;
import io.github.alertrouter.spi.PlatformProvider;
import io.github.alertrouter.testkit.PlatformSimulator;
import io.github.alertrouter.testkit.WordingContractTest;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** Lark's built-in words in en and zh-CN in every message type, against the wording contract and the Lark simulator. */
class LarkWordingTest extends WordingContractTest {
  @Override
  protected PlatformProvider provider() {
    return new LarkProvider();
  }

  @Override
  protected PlatformSimulator startSimulator(Clock clock) {
    return LarkSimulator.start(clock);
  }

  @Override
  protected List<Map<String, String>> messageTypeOptions() {
    return List.of(Map.of("msgType", "interactive"), Map.of("msgType", "post"), Map.of("msgType", "text"));
  }

  @Override
  protected boolean withinSizeLimit(OutboundMessage message) {
    return message.bytes() + 100 <= 20_000;
  }
}
