package io.github.alertrouter.lark;

import io.github.alertrouter.spi.OutboundMessage;
import io.github.alertrouter.spi.PlatformProvider;
import io.github.alertrouter.testkit.DigestContractTest;
import io.github.alertrouter.testkit.PlatformSimulator;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** Lark's digests in cards, posts and text, against the digest contract and the Lark simulator. */
class LarkDigestTest extends DigestContractTest {
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

  /** 20000 bytes once the client adds the signing fields and the @all swap (see {@link LarkContractTest}). */
  @Override
  protected boolean withinSizeLimit(OutboundMessage message) {
    return message.bytes() + 100 <= 20_000;
  }
}
