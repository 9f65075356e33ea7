package io.github.alertrouter.lark;

import io.github.alertrouter.spi.RateLimit;
import io.github.alertrouter.spi.render.AssembledPlatform;
import java.time.Duration;

/**
 * Lark (Feishu) custom group bots, found by {@link java.util.ServiceLoader} as platform
 * {@code lark}.
 *
 * <ul>
 *   <li><b>Identities</b>: a contact's {@code im.lark.userId} and/or {@code im.lark.openId}; never
 *       email, union_id or mobile, which custom bots cannot @. The robot option {@code mentionBy}
 *       ({@code userId}, the default, or {@code openId} for external groups) picks one when a
 *       contact has both; a contact with only the other is still @-ed by it. Neither: shown by
 *       name, "no Lark user_id or open_id".
 *   <li><b>Messages</b> (robot option {@code msgType}): an interactive card (JSON 1.0, header coloured
 *       red/orange/blue by the most severe firing alert's {@code severity} — critical, warning,
 *       info — and green when resolved; a button per link), a post, or text, each with its own
 *       {@literal @} syntax and escaping. The robot's keyword is in the title and the first text line.
 *   <li><b>@all</b> only when a policy targets {@code all}; if the group refuses it, the message
 *       is re-sent once with "@all (not allowed in this group)" instead, so the alert arrives.
 *   <li><b>Size</b>: every body is at most 20000 UTF-8 bytes once signed, truncated
 *       ("…and N more alerts") or split per the robot's {@code overflow} option.
 *   <li><b>Signing</b>: {@code timestamp} and {@code sign} body fields when the robot has a
 *       secret, computed from the injected clock per request.
 *   <li><b>Limits</b>: 5 messages per second and 100 per minute per bot.
 * </ul>
 * Stateless apart from a cache of compiled templates; thread-safe. {@code resolve} and
 * {@code render} never throw for any alert or contact content.
 *
 * <p>The parts: {@code LarkOptions} (robot options), {@code LarkIdentities} (ids and mention
 * tags), {@code LarkLayouts} (card, post and text, built-in and template), {@code LarkDialect}
 * (escaping per dialect, bodies, byte budget), {@code LarkErrors}, {@code LarkClient} (the webhook
 * protocol and the @all fallback) and {@code LarkSigner}.
 */
public final class LarkProvider extends AssembledPlatform {
  /** The platform id robots name. */
  public static final String ID = "lark";
  /** Lark's documented limits per custom bot: 5 per second... */
  public static final RateLimit PER_SECOND = new RateLimit(5, Duration.ofSeconds(1));
  /** ...and 100 per minute. */
  public static final RateLimit PER_MINUTE = new RateLimit(100, Duration.ofMinutes(1));

  /** The provider as {@code ServiceLoader} creates it; thread-safe, so one instance serves every robot. */
  public LarkProvider() {
    // the robot's mentionBy picks user_id (default) or open_id when a contact has both;
    // notices: one text message with its mentions
    super(parts(ID, "Lark").identities(LarkIdentities::resolve)
        .identitiesInChat((contact, robot) ->
            LarkIdentities.resolve(contact, LarkOptions.of(robot).mentionBy() == LarkOptions.MentionBy.OPEN_ID))
        .renderer(LarkOptions::of, new LarkLayouts())
        .client(LarkClient::new).rateLimits(PER_SECOND, PER_MINUTE).robotCheck(LarkOptions.OPTIONS::check));
  }
}
