package io.github.alertrouter.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.alertrouter.Alert;
import io.github.alertrouter.notify.Notification;
import io.github.alertrouter.notify.NotificationLink;
import io.github.alertrouter.notify.NotifyReason;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Seeded random notifications for {@link PlatformContractTest}'s properties, and the checks every
 * rendered body must pass whatever the platform. A failure names its seed, so it can be replayed.
 * Stateless.
 */
public final class RandomNotifications {
  private static final ObjectMapper JSON = new ObjectMapper();

  private RandomNotifications() {}

  /**
   * One group of 1 to {@code maxAlerts} alerts (every third resolved) whose label, summary and
   * description are drawn from one to five texts: mostly CJK and emoji, some arbitrary UTF-16 or
   * hostile markup, now and then a 9,000-character one. A runbook link with a hostile title.
   */
  public static Notification of(RandomText random, int maxAlerts, Instant at) {
    List<String> texts = texts(random);
    int count = random.between(1, maxAlerts);
    List<Alert> firing = new ArrayList<>();
    List<Alert> resolved = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String t = texts.get(i % texts.size());
      Alert a = Alert.firing(Map.of("alertname", "A" + i, "team", t, "severity", "critical"))
          .annotation("summary", t).annotation("description", t + "\n" + t).startsAt(at.minusSeconds(3600)).build();
      if (i % 3 == 2) {
        resolved.add(a.resolvedAt(at.minusSeconds(i)));
      } else {
        firing.add(a);
      }
    }
    return Notification.of("contract", "{}:{alertname=\"Storm\"}", new TreeMap<>(Map.of("alertname", "Storm")),
        NotifyReason.FIRST_NOTIFICATION, firing, resolved,
        List.of(new NotificationLink(NotificationLink.Kind.RUNBOOK, random.hostile(5) + "Runbook",
            "https://ops.example.com/rb")),
        at);
  }

  /** One to five texts, mostly CJK and emoji, some arbitrary UTF-16 or hostile, now and then a 9,000-char one. */
  public static List<String> texts(RandomText random) {
    List<String> texts = new ArrayList<>();
    int n = random.between(1, 5);
    for (int i = 0; i < n; i++) {
      int kind = random.between(0, 14);
      texts.add(kind < 5 ? random.cjk(300)
          : kind < 9 ? random.emoji(400)
          : kind < 11 ? random.hostile(40)
          : kind < 14 ? random.any(200)
          : "磁".repeat(9_000));
    }
    return texts;
  }

  /** {@code body} is valid UTF-8: no lone surrogate, nothing a strict decoder refuses. */
  public static void assertValidUtf8(String body) throws CharacterCodingException {
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < body.length() && Character.isLowSurrogate(body.charAt(i + 1))) {
        i++;
      } else {
        assertThat(Character.isSurrogate(c)).as("lone surrogate at %d", i).isFalse();
      }
    }
    StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)));
  }

  /** {@code body} is a JSON object of valid UTF-8: no lone surrogate, nothing a strict decoder refuses. */
  public static JsonNode assertValidJsonAndUtf8(String body) throws CharacterCodingException {
    assertValidUtf8(body);
    try {
      JsonNode root = JSON.readTree(body);
      assertThat(root.isObject()).as("a JSON object: %s", body).isTrue();
      return root;
    } catch (java.io.IOException e) {
      throw new AssertionError("not JSON: " + body, e);
    }
  }
}
