package io.github.alertrouter.wecom;

import io.github.alertrouter.spi.OutboundMessage;
import io.github.alertrouter.spi.PlatformProvider;
import io.github.alertrouter.testkit.DigestContractTest;
import io.github.alertrouter.testkit.PlatformSimulator;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * WeCom's digests, against the digest contract and the WeCom simulator: its 4096- and 2048-byte
 * contents are where the counts' quarter of the limit matters most.
 */
class WeComDigestTest extends DigestContractTest {
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

  /** WeCom limits the content field: text 2048, markdown 4096 bytes (docs/platforms.md §3.5). */
  @Override
  protected boolean withinSizeLimit(OutboundMessage message) {
    return Fixtures.withinLimit(message);
  }
}
