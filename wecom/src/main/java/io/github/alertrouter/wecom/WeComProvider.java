package io.github.alertrouter.wecom;

import io.github.alertrouter.spi.RateLimit;
import io.github.alertrouter.spi.render.AssembledPlatform;
import java.time.Duration;

/**
 * WeCom group robots ("消息推送"), found by {@link java.util.ServiceLoader} as platform
 * {@code wecom}.
 *
 * <ul>
 *   <li><b>Identities</b>: a contact's {@code im.wecom.userId}, else its mobile: a mainland China
 *       mobile becomes its 11 digits ({@code +86 138 0000 0001} → {@code 13800000001}), another
 *       country's becomes {@code +852-61234567} (WeCom's international form is unverified);
 *       neither → shown by name as "no WeCom userid or mobile".
 *   <li><b>Messages</b> (robot option {@code msgType}): markdown by default, with {@code <@userid>}
 *       mentions in the content; WeCom markdown cannot @ a mobile or everyone, so those travel in a
 *       short follow-up {@code text} message with {@code mentioned_mobile_list} /
 *       {@code mentioned_list: ["@all"]} (or, with {@code mentionMode: single}, the notification
 *       goes as text). {@code text} carries every mention in its lists; {@code markdown_v2} (no @
 *       at all) is always followed by such a text when anyone is mentioned. Firing is orange-red
 *       ({@code warning}), resolved green ({@code info}), meta grey ({@code comment}). Alert text is
 *       escaped with full-width look-alikes so it can neither format, link nor mention.
 *   <li><b>Size</b>: markdown and markdown_v2 content at most 4096 UTF-8 bytes, text content 2048,
 *       truncated ("…and N more alerts") or split into parts {@code (1/3)} per {@code overflow}.
 *   <li><b>Templates</b>: a policy's mustache template ({@code templates.wecom}) replaces the
 *       built-in content; its values are pre-escaped; missing {@code <@userid>} tokens are appended.
 *   <li><b>Security</b>: the webhook's {@code ?key=} is the only credential and is redacted from
 *       every result; WeCom has no signing and no keywords, so a robot's {@code secret} or
 *       {@code keyword} is reported by {@link #checkRobot}.
 *   <li><b>Limits</b>: 20 messages per minute per robot; a markdown message and its follow-up
 *       text count as two.
 * </ul>
 * Stateless apart from a cache of compiled templates; thread-safe. {@code resolve} and
 * {@code render} never throw for any alert or contact content.
 *
 * <p>The parts: {@code WeComOptions} (robot options and webhook checks), {@code WeComIdentities},
 * {@code WeComLayouts} (built-in and template content), {@code WeComDialect} (escaping, mentions,
 * bodies, byte budget) and {@code WeComErrors} (answers and the webhook protocol).
 */
public final class WeComProvider extends AssembledPlatform {
  /** The platform id robots name. */
  public static final String ID = "wecom";
  /** WeCom's documented limit: 20 messages per minute per robot. */
  public static final RateLimit RATE_LIMIT = new RateLimit(20, Duration.ofMinutes(1));

  /** The provider as {@code ServiceLoader} creates it; thread-safe, so one instance serves every robot. */
  public WeComProvider() {
    // notices: one text message with its mentions; robot checks: webhook, secret, keyword, options
    super(parts(ID, "WeCom").identities(WeComIdentities::resolve)
        .renderer(WeComOptions::of, new WeComLayouts()).webhook(WeComErrors.PROTOCOL)
        .rateLimits(RATE_LIMIT).robotCheck(WeComOptions::check));
  }
}
