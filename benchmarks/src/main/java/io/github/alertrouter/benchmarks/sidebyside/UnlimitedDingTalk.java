package io.github.alertrouter.benchmarks.sidebyside;

import io.github.alertrouter.config.ConfigProblem;
import io.github.alertrouter.config.Contact;
import io.github.alertrouter.config.Robot;
import io.github.alertrouter.dingtalk.DingTalkProvider;
import io.github.alertrouter.spi.ClientContext;
import io.github.alertrouter.spi.IdentityResolution;
import io.github.alertrouter.spi.NoticeRequest;
import io.github.alertrouter.spi.OutboundMessage;
import io.github.alertrouter.spi.PlatformProvider;
import io.github.alertrouter.spi.RateLimit;
import io.github.alertrouter.spi.RenderRequest;
import io.github.alertrouter.spi.RobotClient;
import java.util.List;

/**
 * FOR BENCHMARKS ONLY: DingTalk exactly as shipped (identities, rendering, size limit, the webhook
 * protocol and its error codes) without its rate limit of 20 messages per minute per robot, as
 * platform {@code dingtalk-unlimited}. No setting lifts a platform's limit, on purpose: a real
 * robot over it is throttled. The side-by-side harness puts this class on {@code serve}'s class
 * path so that a workload of thousands of groups measures the router, not the limit (Alertmanager
 * has no such limit to lift).
 */
public final class UnlimitedDingTalk implements PlatformProvider {
  /** The platform id the benchmark's robots name. */
  public static final String ID = "dingtalk-unlimited";

  private final DingTalkProvider dingtalk = new DingTalkProvider();

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String displayName() {
    return dingtalk.displayName();
  }

  @Override
  public IdentityResolution resolve(Contact contact) {
    return dingtalk.resolve(contact);
  }

  @Override
  public IdentityResolution resolve(Contact contact, Robot robot) {
    return dingtalk.resolve(contact, robot);
  }

  @Override
  public List<OutboundMessage> render(RenderRequest request) {
    return dingtalk.render(request);
  }

  @Override
  public List<OutboundMessage> renderNotice(NoticeRequest request) {
    return dingtalk.renderNotice(request);
  }

  @Override
  public RobotClient client(Robot robot, ClientContext context) {
    return dingtalk.client(robot, context);
  }

  @Override
  public List<RateLimit> rateLimits() {
    return List.of();
  }

  @Override
  public List<String> checkTemplate(String template) {
    return dingtalk.checkTemplate(template);
  }

  @Override
  public List<ConfigProblem> checkRobot(Robot robot) {
    return dingtalk.checkRobot(robot);
  }
}
