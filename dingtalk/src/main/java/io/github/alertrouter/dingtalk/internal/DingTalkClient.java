package io.github.alertrouter.dingtalk.internal;

import io.github.alertrouter.config.Robot;
import io.github.alertrouter.spi.ClientContext;
import io.github.alertrouter.spi.FailureKind;
import io.github.alertrouter.spi.OutboundMessage;
import io.github.alertrouter.spi.RobotClient;
import io.github.alertrouter.spi.SendResult;

/** Sends messages to one DingTalk robot. (Skeleton: filled in by the transport work.) */
public final class DingTalkClient implements RobotClient {
  private final Robot robot;
  private final ClientContext context;

  public DingTalkClient(Robot robot, ClientContext context) {
    this.robot = robot;
    this.context = context;
  }

  @Override
  public SendResult send(OutboundMessage message) {
    return new SendResult.Permanent(FailureKind.UNKNOWN, "unimplemented", "not implemented yet");
  }
}
