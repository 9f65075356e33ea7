package io.github.alertrouter.wecom.internal;

import io.github.alertrouter.config.Robot;
import io.github.alertrouter.spi.ClientContext;
import io.github.alertrouter.spi.OutboundMessage;
import io.github.alertrouter.spi.RobotClient;
import io.github.alertrouter.spi.SendResult;
import io.github.alertrouter.spi.render.WebhookClient;
import io.github.alertrouter.spi.render.WebhookProtocol;
import io.github.alertrouter.spi.render.WebhookProtocol.Answer;

/**
 * Sends messages to one WeCom robot: posts the body as UTF-8 JSON to the webhook, whose
 * {@code ?key=} is the only credential (WeCom has no signing), and classifies the answer. Success
 * is an answer whose {@code errcode} is 0, never a bare HTTP 200. Thread-safe; never throws for a
 * platform or network failure; no result carries the key (details are redacted, then shortened).
 * WeCom's errmsg ends in "more info at https://open.work.weixin.qq.com/devtool/query?e=CODE",
 * which is kept: it names the code's help page and holds no secret.
 */
public final class WeComClient implements RobotClient {
  /**
   * What is WeCom's own; the rest is {@link WebhookClient}'s (docs/platforms.md §3.1, §3.6). The
   * bare key is redacted too, in case an answer echoes it without {@code key=} before it; WeCom
   * documents no wait header, so a 429 is left to the dispatcher's backoff.
   */
  private static final WebhookProtocol PROTOCOL =
      WebhookProtocol.of("WeCom", Answer.fields("errcode", "errmsg"), WeComErrors.TABLE)
          .redacting(robot -> {
            String key = WeComRobots.key(robot.webhook().reveal());
            return key != null && key.length() >= WeComRobots.MIN_KEY_LENGTH ? key : null;
          })
          .askedWait(response -> null);

  private final WebhookClient client;

  public WeComClient(Robot robot, ClientContext context) {
    this.client = new WebhookClient(robot, context, PROTOCOL);
  }

  @Override
  public SendResult send(OutboundMessage message) {
    return client.send(message);
  }
}
