package io.github.alertrouter.dingtalk;

import io.github.alertrouter.spi.OutboundMessage;
import io.github.alertrouter.spi.PlatformProvider;
import io.github.alertrouter.testkit.DigestContractTest;
import io.github.alertrouter.testkit.PlatformSimulator;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** DingTalk's digests, against the digest contract and the DingTalk simulator. */
class DingTalkDigestTest extends DigestContractTest {
  @Override
  protected PlatformProvider provider() {
    return new DingTalkProvider();
  }

  @Override
  protected PlatformSimulator startSimulator(Clock clock) {
    return DingTalkSimulator.start(clock);
  }

  /** Markdown, and action cards (a digest has no links, so it falls back to markdown). */
  @Override
  protected List<Map<String, String>> messageTypeOptions() {
    return List.of(Map.of("msgType", "markdown"), Map.of("msgType", "actionCard"));
  }

  /** DingTalk limits the whole body: 20000 UTF-8 bytes (docs/platforms.md §1.5). */
  @Override
  protected boolean withinSizeLimit(OutboundMessage message) {
    return message.bytes() <= DingTalkDialect.MAX_BODY_BYTES;
  }
}
