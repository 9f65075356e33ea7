package io.github.alertrouter.lark;

import io.github.alertrouter.config.Contact;
import io.github.alertrouter.spi.OutboundMessage;
import io.github.alertrouter.spi.PlatformProvider;
import io.github.alertrouter.testkit.PlatformContractTest;
import io.github.alertrouter.testkit.PlatformSimulator;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** The Lark module proves itself against the platform contract and the Lark simulator. */
class LarkContractTest extends PlatformContractTest {
  @Override
  protected PlatformProvider provider() {
    return new LarkProvider();
  }

  @Override
  protected PlatformSimulator startSimulator(Clock clock) {
    return LarkSimulator.start(clock);
  }

  /** Alternates the identities Lark @s by: a user_id, an open_id, and both (user_id wins). */
  @Override
  protected Contact reachableContact(String id) {
    int n = Math.abs(id.hashCode()) % 3;
    Map<String, String> ids = switch (n) {
      case 0 -> Map.of("userId", "u" + id);
      case 1 -> Map.of("openId", "ou_" + id);
      default -> Map.of("userId", "u" + id, "openId", "ou_" + id);
    };
    return new Contact(id, id + " 张", "+86 138 0000 0001", id + "@example.com", Map.of("lark", ids));
  }

  /** Email and mobile only: custom bots cannot @ by either. */
  @Override
  protected Contact unreachableContact(String id) {
    return new Contact(id, "Unreachable " + id + " 王", "+86 138 0000 0002", id + "@example.com", Map.of());
  }

  @Override
  protected String expectedMention(Contact contact) {
    String userId = contact.identity("lark").get("userId");
    return userId != null ? "userId:" + userId : "openId:" + contact.identity("lark").get("openId");
  }

  @Override
  protected List<Map<String, String>> messageTypeOptions() {
    return List.of(Map.of("msgType", "interactive"), Map.of("msgType", "post"), Map.of("msgType", "text"));
  }

  /** 20000 bytes once the client adds the signing fields (79 bytes) and the @all swap (≤ 16 more). */
  @Override
  protected boolean withinSizeLimit(OutboundMessage message) {
    return message.bytes() + 100 <= 20_000;
  }
}
