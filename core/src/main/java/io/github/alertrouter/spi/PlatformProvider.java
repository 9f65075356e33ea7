package io.github.alertrouter.spi;

import io.github.alertrouter.config.ConfigProblem;
import io.github.alertrouter.config.Contact;
import io.github.alertrouter.config.Robot;
import java.util.List;

/**
 * One instant-messaging platform: the SDK's main extension point. Found with
 * {@link java.util.ServiceLoader}: a jar lists its implementation in
 * {@code META-INF/services/io.github.alertrouter.spi.PlatformProvider} and robots whose
 * {@code platform} equals {@link #id()} are served by it.
 *
 * <p>The four jobs, each a pure function except {@link #client}:
 * <ol>
 *   <li>{@link #resolve}: the identity a contact is @-ed by here, or why there is none;
 *   <li>{@link #render}: a notification and its resolved mentions into messages within the
 *       platform's byte budget, alert text escaped so only the planned mentions fire;
 *   <li>{@link #client}: a client that signs and sends one message to a robot and classifies the
 *       answer as a {@link SendResult};
 *   <li>{@link #rateLimits} and {@link #checkRobot}: the platform's limits and robot options.
 * </ol>
 *
 * <p>Implementations need a public no-argument constructor, must be thread-safe and stateless
 * (state lives in clients), and must not throw from {@code resolve} or {@code render} for any
 * alert content. A platform module's tests extend the testkit's {@code PlatformContractTest}.
 */
public interface PlatformProvider {
  /** The platform id robots name: {@code dingtalk}, {@code lark}, {@code wecom}, ... */
  String id();

  /** The platform's name for people: {@code DingTalk}. */
  default String displayName() {
    return id();
  }

  /** The identity {@code contact} is @-ed by on this platform, or why it cannot be. */
  IdentityResolution resolve(Contact contact);

  /**
   * The identity {@code contact} is @-ed by in {@code robot}'s chat. The router calls this one;
   * a platform whose choice depends on the robot (Lark: {@code user_id} in internal groups,
   * {@code open_id} in external ones) overrides it. By default, {@link #resolve(Contact)}.
   */
  default IdentityResolution resolve(Contact contact, Robot robot) {
    return resolve(contact);
  }

  /**
   * Renders a notification for one robot: one message, or several when the robot's overflow is
   * {@link Overflow#SPLIT} and one would be too big. Every message fits the platform's limit.
   *
   * @throws IllegalArgumentException when the request's template is not valid for this platform
   */
  List<OutboundMessage> render(RenderRequest request);

  /**
   * Renders a notice that is not about alerts (an on-call handoff) for one robot, within the
   * platform's limits, title and lines escaped, mentions the platform's way. The default refuses:
   * the router then reports the notice as not rendered ({@code DeliveryListener.renderFailed}).
   *
   * @throws UnsupportedOperationException when the platform cannot post notices
   */
  default List<OutboundMessage> renderNotice(NoticeRequest request) {
    throw new UnsupportedOperationException("platform " + id() + " cannot post notices");
  }

  /** A client for {@code robot} (whose {@code platform} is this one). */
  RobotClient client(Robot robot, ClientContext context);

  /** The platform's per-robot send limits; the dispatcher stays under all of them. */
  default List<RateLimit> rateLimits() {
    return List.of();
  }

  /**
   * Problems with a policy's template for this platform (syntax errors, with line and column), so
   * they are reported when the configuration is checked rather than at the first alert. Empty
   * when it is fine.
   */
  default List<String> checkTemplate(String template) {
    return List.of();
  }

  /**
   * Problems with a robot's platform-specific settings (options, keyword, webhook shape), with
   * paths relative to the robot ({@code options.msgType}). Empty when it is fine.
   */
  default List<ConfigProblem> checkRobot(Robot robot) {
    return List.of();
  }
}
