package io.github.alertrouter.benchmarks;

import io.github.alertrouter.config.Contact;
import io.github.alertrouter.config.Robot;
import io.github.alertrouter.dingtalk.DingTalkProvider;
import io.github.alertrouter.spi.ClientContext;
import io.github.alertrouter.spi.IdentityResolution;
import io.github.alertrouter.spi.OutboundMessage;
import io.github.alertrouter.spi.PlatformProvider;
import io.github.alertrouter.spi.RenderRequest;
import io.github.alertrouter.spi.RobotClient;
import io.github.alertrouter.spi.SendResult;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * DingTalk's real identity resolution and rendering with delivery stubbed out (every send
 * succeeds, no rate limit): what the engine costs up to the wire. Counts rendered messages.
 */
final class RenderOnlyPlatform implements PlatformProvider {
  final LongAdder rendered = new LongAdder();
  private final DingTalkProvider dingtalk = new DingTalkProvider();

  @Override
  public String id() {
    return "dingtalk";
  }

  @Override
  public IdentityResolution resolve(Contact contact) {
    return dingtalk.resolve(contact);
  }

  @Override
  public List<OutboundMessage> render(RenderRequest request) {
    List<OutboundMessage> messages = dingtalk.render(request);
    rendered.add(messages.size());
    return messages;
  }

  @Override
  public RobotClient client(Robot robot, ClientContext context) {
    return message -> SendResult.sent();
  }
}
