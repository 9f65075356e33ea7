package io.github.alertrouter.wecom;

import io.github.alertrouter.config.Contact;
import io.github.alertrouter.spi.OutboundMessage;
import io.github.alertrouter.spi.PlatformProvider;
import io.github.alertrouter.testkit.PlatformContractTest;
import io.github.alertrouter.testkit.PlatformSimulator;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The WeCom module proves itself against the platform contract and the WeCom simulator. WeCom has
 * no signing and no keywords; everyone can be @-ed (through the follow-up text message).
 */
class WeComContractTest extends PlatformContractTest {
  @Override
  protected PlatformProvider provider() {
    return new WeComProvider();
  }

  @Override
  protected PlatformSimulator startSimulator(Clock clock) {
    return WeComSimulator.start(clock);
  }

  @Override
  protected boolean supportsSigning() {
    return false;
  }

  @Override
  protected boolean supportsKeywords() {
    return false;
  }

  /**
   * Alternates the two identities WeCom @s by: a userid (a {@code <@userid>} token in the markdown)
   * and a mobile written as people do (the follow-up text's {@code mentioned_mobile_list}).
   */
  @Override
  protected Contact reachableContact(String id) {
    int n = Math.abs(id.hashCode()) % 10000;
    return n % 2 == 0
        ? new Contact(id, id + " 张", null, null, Map.of("wecom", Map.of("userId", "user." + n)))
        : new Contact(id, id + " 张", String.format("+86 138-0000-%04d", n), null, Map.of());
  }

  @Override
  protected Contact unreachableContact(String id) {
    return new Contact(id, "Unreachable " + id + " 王", null, id + "@example.com", Map.of());
  }

  @Override
  protected String expectedMention(Contact contact) {
    String userId = contact.identity("wecom").get("userId");
    return userId != null ? "userId:" + userId : "mobile:" + contact.mobile().replaceAll("[^0-9]", "").substring(2);
  }

  /** Every type, and markdown with both mention modes. */
  @Override
  protected List<Map<String, String>> messageTypeOptions() {
    return List.of(Map.of("msgType", "markdown"), Map.of("msgType", "markdown", "mentionMode", "single"),
        Map.of("msgType", "text"), Map.of("msgType", "markdown_v2"));
  }

  /** WeCom limits the content field: text 2048, markdown 4096 bytes (docs/platforms.md §3.5). */
  @Override
  protected boolean withinSizeLimit(OutboundMessage message) {
    return Fixtures.withinLimit(message);
  }
}
