package io.github.alertrouter.binding;

import io.github.alertrouter.config.Contact;
import io.github.alertrouter.config.Robot;
import io.github.alertrouter.config.RouterConfig;
import io.github.alertrouter.config.Secret;
import io.github.alertrouter.store.BindingStore;
import io.github.alertrouter.time.ManualScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A binding service over a small configuration, in virtual time, with the demo sender: its log
 * lines and last codes are what the tests look at.
 */
final class BindingFixture {
  static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
  static final String ALICE = "13800000001";
  /** Not a contact's, yet masked exactly like Alice's: {@code 138****0001}. */
  static final String STRANGER = "13812340001";

  final ManualScheduler time = new ManualScheduler(START);
  final List<String> log = new CopyOnWriteArrayList<>();
  final LoggingVerificationSender sender = new LoggingVerificationSender(log::add);
  final BindingStore store = BindingStore.inMemory();
  final BindingService service;

  BindingFixture() {
    this(config(Map.of("alice", "+86 138-0000-0001", "bob", "139 0000 0002", "hk", "+852 6123 4567")));
  }

  BindingFixture(RouterConfig config) {
    this(config, BindingRules.DEFAULT);
  }

  BindingFixture(RouterConfig config, BindingRules rules) {
    service = BindingService.create(config, sender, store, rules, time.clock());
  }

  /** A configuration with one DingTalk robot {@code ops} and contacts id → mobile as written. */
  static RouterConfig config(Map<String, String> mobiles) {
    RouterConfig.Builder builder = RouterConfig.builder()
        .robot(new Robot("ops", "dingtalk", Secret.of("https://oapi.dingtalk.com/robot/send?access_token=t"), null, null));
    mobiles.forEach((id, mobile) -> builder.contact(new Contact(id, id, mobile, null, Map.of())));
    return builder.build();
  }

  String link() {
    return service.issueLink("dingtalk", "ops").id();
  }

  void advance(Duration by) {
    time.advance(by);
  }

  /** The digits last sent to {@code mobile}; fails when none was. */
  String codeSentTo(String mobile) {
    return sender.lastCode(mobile).orElseThrow(() -> new AssertionError("no code sent to " + mobile)).reveal();
  }

  /** A 6-digit code other than {@code code}. */
  static String wrong(String code) {
    return String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
  }
}
