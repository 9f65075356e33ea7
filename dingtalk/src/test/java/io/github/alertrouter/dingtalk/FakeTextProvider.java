package io.github.alertrouter.dingtalk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.alertrouter.Alert;
import io.github.alertrouter.config.Contact;
import io.github.alertrouter.config.Robot;
import io.github.alertrouter.notify.Mention;
import io.github.alertrouter.spi.ClientContext;
import io.github.alertrouter.spi.FailureKind;
import io.github.alertrouter.spi.Identity;
import io.github.alertrouter.spi.IdentityResolution;
import io.github.alertrouter.spi.OutboundMessage;
import io.github.alertrouter.spi.Overflow;
import io.github.alertrouter.spi.PlatformProvider;
import io.github.alertrouter.spi.RateLimit;
import io.github.alertrouter.spi.RenderRequest;
import io.github.alertrouter.spi.RobotClient;
import io.github.alertrouter.spi.SendResult;
import io.github.alertrouter.spi.Transport;
import io.github.alertrouter.spi.render.TextSafety;
import io.github.alertrouter.testkit.PlatformContractTest;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A deliberately small DingTalk-compatible provider (text messages, mobile mentions) that exists
 * only to prove {@link PlatformContractTest} itself runs green against a correct provider. Not
 * the real DingTalk module.
 */
final class FakeTextProvider implements PlatformProvider {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int BUDGET = 19000; // below the 20000-byte body limit, leaving room for JSON

  @Override
  public String id() {
    return "dingtalk";
  }

  @Override
  public List<RateLimit> rateLimits() {
    return List.of(new RateLimit(20, java.time.Duration.ofMinutes(1)));
  }

  @Override
  public IdentityResolution resolve(Contact contact) {
    String mobile = contact.identity("dingtalk").getOrDefault("mobile", contact.mobile());
    return mobile == null
        ? IdentityResolution.unresolved("no DingTalk mobile")
        : IdentityResolution.resolved(new Identity("mobile", mobile));
  }

  @Override
  public List<OutboundMessage> render(RenderRequest request) {
    List<String> lines = new ArrayList<>();
    for (Alert alert : request.notification().firing()) {
      lines.add("- " + escape(alert.labels().toString()) + " " + escape(alert.annotations().getOrDefault("summary", "")));
    }
    String head = (request.robot().keyword() == null ? "" : request.robot().keyword() + " ")
        + escape(request.notification().policy()) + "\n";
    List<String> mobiles = new ArrayList<>();
    StringBuilder tail = new StringBuilder("\n");
    boolean all = false;
    for (Mention m : request.mentions()) {
      if (m.isAll()) {
        all = true;
      } else if (m.isResolved()) {
        mobiles.add(m.identity().value());
        tail.append('@').append(m.identity().value()).append(' ');
      } else {
        tail.append(escape(m.name())).append(' ');
      }
    }
    List<StringBuilder> parts = new ArrayList<>();
    parts.add(new StringBuilder(head));
    int dropped = 0;
    for (String line : lines) {
      StringBuilder part = parts.get(parts.size() - 1);
      if (bytes(part) + bytes(line) + bytes(tail) > BUDGET) {
        if (request.overflow() == Overflow.TRUNCATE) {
          dropped++;
          continue;
        }
        part = new StringBuilder(head);
        parts.add(part);
      }
      part.append(line).append('\n');
    }
    if (dropped > 0) {
      parts.get(0).append("…and ").append(dropped).append(" more alerts\n");
    }
    List<OutboundMessage> messages = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      ObjectNode body = JSON.createObjectNode().put("msgtype", "text");
      body.putObject("text").put("content", parts.get(i) + (i == 0 ? tail.toString() : ""));
      if (i == 0) {
        ObjectNode at = body.putObject("at").put("isAtAll", all);
        mobiles.forEach(at.putArray("atMobiles")::add);
      }
      // only what the at object carries: unresolved people are named in the text, not @-ed
      List<Mention> carried = request.mentions().stream().filter(Mention::isResolved).toList();
      messages.add(new OutboundMessage("text", body.toString(), i == 0 ? carried : List.of()));
    }
    return messages;
  }

  @Override
  public RobotClient client(Robot robot, ClientContext context) {
    return message -> {
      String url = robot.webhook().reveal();
      if (robot.secret() != null) {
        long ts = context.clock().millis();
        url = DingTalkSigner.sign(url, robot.secret().reveal(), ts);
      }
      try {
        Transport.Response response = context.transport().post(URI.create(url),
            Map.of("Content-Type", "application/json; charset=utf-8"),
            message.body().getBytes(StandardCharsets.UTF_8), context.requestTimeout());
        if (response.status() >= 500) {
          return new SendResult.Retryable(FailureKind.SERVER_ERROR, "HTTP " + response.status(), "", null);
        }
        JsonNode answer = JSON.readTree(response.body());
        int code = answer.path("errcode").asInt(-999);
        return switch (code) {
          case 0 -> SendResult.sent();
          case 410100 -> new SendResult.Retryable(FailureKind.RATE_LIMITED, "410100", "", null);
          case 310000 -> new SendResult.Permanent(FailureKind.SIGNATURE_REJECTED, "310000", "");
          case 300005 -> new SendResult.Permanent(FailureKind.INVALID_ROBOT, "300005", "");
          default -> new SendResult.Permanent(FailureKind.UNKNOWN, Integer.toString(code), answer.toString());
        };
      } catch (IOException e) {
        return new SendResult.Retryable(FailureKind.NETWORK_ERROR, "io", "", null);
      }
    };
  }

  private static String escape(String text) {
    // a lone surrogate cannot be encoded in UTF-8
    return TextSafety.repairSurrogates(text).replace('@', '＠').replace('<', '＜').replace('>', '＞');
  }

  private static int bytes(CharSequence text) {
    return text.toString().getBytes(StandardCharsets.UTF_8).length;
  }
}
