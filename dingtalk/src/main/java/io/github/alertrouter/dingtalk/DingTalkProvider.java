package io.github.alertrouter.dingtalk;

import io.github.alertrouter.spi.RateLimit;
import io.github.alertrouter.spi.render.AssembledPlatform;
import java.time.Duration;

/**
 * DingTalk custom group robots, found by {@link java.util.ServiceLoader} as platform
 * {@code dingtalk}.
 *
 * <ul>
 *   <li><b>Identities</b>: a contact's {@code im.dingtalk.userId}, else its mobile: a mainland
 *       China mobile becomes its 11 digits ({@code +86 138 0000 0001} → {@code 13800000001}),
 *       another country's becomes {@code +852-61234567} (DingTalk's international form is
 *       unverified).
 *   <li><b>Messages</b> (robot option {@code msgType}): markdown with an {@code at} object, or an
 *       action card with link buttons followed by a small text message carrying the mentions.
 *       Every resolved mention is both in {@code at} and written as {@code @token} on the last
 *       line; unresolved ones are named in plain text. The robot's keyword is in the title and
 *       the text. Alert text is escaped with full-width look-alikes so it can neither format,
 *       link nor mention.
 *   <li><b>Size</b>: every body is at most 20000 UTF-8 bytes, truncated ("…and N more alerts")
 *       or split into parts {@code (1/3)} per the robot's {@code overflow} option.
 *   <li><b>Templates</b>: a policy's mustache template replaces the built-in text; its values
 *       are pre-escaped, so triple mustaches are safe too; missing @tokens are appended.
 *   <li><b>Limits</b>: 20 messages per minute per robot.
 * </ul>
 * Stateless apart from a cache of compiled templates; thread-safe. {@code resolve} and
 * {@code render} never throw for any alert or contact content.
 *
 * <p>The parts: {@code DingTalkOptions} (robot options), {@code DingTalkIdentities},
 * {@code DingTalkLayouts} (built-in and template text), {@code DingTalkDialect} (escaping,
 * mentions, bodies, byte budget), {@code DingTalkErrors} (answers and the webhook protocol) and
 * {@code DingTalkSigner}.
 */
public final class DingTalkProvider extends AssembledPlatform {
  /** The platform id robots name. */
  public static final String ID = "dingtalk";
  /** DingTalk's documented limit: 20 messages per minute per robot. */
  public static final RateLimit RATE_LIMIT = new RateLimit(20, Duration.ofMinutes(1));

  /** The provider as {@code ServiceLoader} creates it; thread-safe, so one instance serves every robot. */
  public DingTalkProvider() {
    // notices: one markdown message with its mentions
    super(parts(ID, "DingTalk").identities(DingTalkIdentities::resolve)
        .renderer(DingTalkOptions::of, new DingTalkLayouts()).webhook(DingTalkErrors.PROTOCOL)
        .rateLimits(RATE_LIMIT).robotCheck(DingTalkOptions.OPTIONS::check));
  }
}
