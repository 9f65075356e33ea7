package io.github.alertrouter.dingtalk;

import io.github.alertrouter.config.Contact;
import io.github.alertrouter.spi.OutboundMessage;
import io.github.alertrouter.spi.PlatformProvider;
import io.github.alertrouter.testkit.PlatformContractTest;
import io.github.alertrouter.testkit.PlatformSimulator;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** The DingTalk module proves itself against the platform contract and the DingTalk simulator. */
class DingTalkContractTest extends PlatformContractTest {
  @Override
  protected PlatformProvider provider() {
    return new DingTalkProvider();
  }

  @Override
  protected PlatformSimulator startSimulator(Clock clock) {
    return DingTalkSimulator.start(clock);
  }

  /** Alternates the two identities DingTalk @s by: a userId, and a mobile written as people do. */
  @Override
  protected Contact reachableContact(String id) {
    int n = Math.abs(id.hashCode()) % 10000;
    return n % 2 == 0
        ? new Contact(id, id + " 张", null, null, Map.of("dingtalk", Map.of("userId", "user" + n)))
        : new Contact(id, id + " 张", String.format("+86 138-0000-%04d", n), null, Map.of());
  }

  @Override
  protected Contact unreachableContact(String id) {
    return new Contact(id, "Unreachable " + id + " 王", null, id + "@example.com", Map.of());
  }

  @Override
  protected String expectedMention(Contact contact) {
    String userId = contact.identity("dingtalk").get("userId");
    return userId != null ? "userId:" + userId : "mobile:" + contact.mobile().replaceAll("[^0-9]", "").substring(2);
  }

  /** Markdown and action cards (whose mentions travel in a follow-up text). */
  @Override
  protected List<Map<String, String>> messageTypeOptions() {
    return List.of(Map.of("msgType", "markdown"), Map.of("msgType", "actionCard"));
  }

  /** DingTalk limits the whole body: 20000 UTF-8 bytes (docs/platforms.md §1.5). */
  @Override
  protected boolean withinSizeLimit(OutboundMessage message) {
    return message.bytes() <= 20_000;
  }
}
