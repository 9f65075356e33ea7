package io.github.alertrouter.dingtalk;

import io.github.alertrouter.config.Contact;
import io.github.alertrouter.spi.PlatformProvider;
import io.github.alertrouter.testkit.PlatformContractTest;
import io.github.alertrouter.testkit.PlatformSimulator;
import java.time.Clock;
import java.util.Map;

/**
 * Runs the contract test against {@link FakeTextProvider}: proves the contract test itself, not a
 * platform. It lives here, not in the testkit, because it needs {@link DingTalkSimulator}, and the
 * testkit cannot depend on a platform module.
 */
class FakeProviderContractTest extends PlatformContractTest {
  @Override
  protected PlatformProvider provider() {
    return new FakeTextProvider();
  }

  @Override
  protected PlatformSimulator startSimulator(Clock clock) {
    return DingTalkSimulator.start(clock);
  }

  @Override
  protected Contact reachableContact(String id) {
    String mobile = "1380000" + String.format("%04d", Math.abs(id.hashCode()) % 10000);
    return new Contact(id, id + " 张", null, null, Map.of("dingtalk", Map.of("mobile", mobile)));
  }

  @Override
  protected Contact unreachableContact(String id) {
    return Contact.of(id, "Unreachable " + id + " 王");
  }

  @Override
  protected boolean supportsNotices() {
    return false; // the stand-in renders alerts only
  }

  @Override
  protected String expectedMention(Contact contact) {
    return "mobile:" + contact.identity("dingtalk").get("mobile");
  }
}
