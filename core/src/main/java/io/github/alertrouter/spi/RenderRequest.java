package io.github.alertrouter.spi;

import io.github.alertrouter.config.Robot;
import io.github.alertrouter.notify.Mention;
import io.github.alertrouter.notify.Notification;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * Everything a platform needs to render one notification for one robot. Immutable.
 *
 * @param notification what to say
 * @param mentions who to @, already resolved by this platform, deduplicated, in a stable order
 *     (resolved and unresolved; unresolved ones are shown by name)
 * @param robot the robot that will post it (keyword, options)
 * @param template the policy's template for this platform, or {@code null} for the built-in layout
 * @param displayZone the zone times are shown in (robot option {@code timeZone}, default UTC)
 * @param overflow what to do when the message is too big (robot option {@code overflow})
 */
public record RenderRequest(
    Notification notification, List<Mention> mentions, Robot robot, String template, ZoneId displayZone,
    Overflow overflow) {

  /** Robot option naming the zone times are shown in. */
  public static final String OPTION_TIME_ZONE = "timeZone";
  /** Robot option choosing {@link Overflow}. */
  public static final String OPTION_OVERFLOW = "overflow";
  /**
   * Robot option: the public base URL of the router's action handler ({@code https://ops.example.com/alert-router});
   * with it (and an action key on the router), messages carry signed claim / resolve / silence links.
   */
  public static final String OPTION_ACTION_BASE_URL = "actionBaseUrl";
  /**
   * Robot option choosing the language of a message's built-in words ({@code en}, the default, or
   * {@code zh-CN}): see {@link io.github.alertrouter.spi.render.Wording}.
   */
  public static final String OPTION_LOCALE = "locale";

  /**
   * Copies {@code mentions}.
   *
   * @throws NullPointerException if a component other than {@code template} is null
   */
  public RenderRequest {
    Objects.requireNonNull(notification, "notification");
    mentions = List.copyOf(mentions);
    Objects.requireNonNull(robot, "robot");
    Objects.requireNonNull(displayZone, "displayZone");
    Objects.requireNonNull(overflow, "overflow");
  }

  /**
   * A request whose zone and overflow come from the robot's options.
   *
   * @throws IllegalArgumentException when an option is not valid, naming it
   */
  public static RenderRequest of(Notification notification, List<Mention> mentions, Robot robot, String template) {
    return new RenderRequest(notification, mentions, robot, template, displayZone(robot), overflow(robot));
  }

  /**
   * The most alerts one message of this request lists: the robot's {@code maxAlerts}, or 0 for no
   * limit but the platform's size. A renderer passes it to {@link
   * io.github.alertrouter.spi.render.ByteBudget#fit(List, Overflow, int, List) ByteBudget.fit}.
   *
   * @throws IllegalArgumentException when {@code maxAlerts} is not a whole number of at least 1, naming it
   */
  public int maxAlerts() {
    return robot.maxAlerts();
  }

  /**
   * The built-in words of this request's messages: the robot's {@code locale}.
   *
   * @throws IllegalArgumentException when {@code locale} is not valid, naming it and the allowed values
   */
  public io.github.alertrouter.spi.render.Wording wording() {
    return io.github.alertrouter.spi.render.Wording.of(robot);
  }

  /**
   * The robot's display zone; UTC when the robot sets none.
   *
   * @throws IllegalArgumentException when {@code timeZone} is not an IANA zone
   */
  public static ZoneId displayZone(Robot robot) {
    String zone = robot.option(OPTION_TIME_ZONE, "UTC");
    try {
      return ZoneId.of(zone);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(
          "robot " + robot.id() + ": options.timeZone must be an IANA time zone, but was \"" + zone + "\"");
    }
  }

  /**
   * The robot's overflow mode; {@code truncate} when the robot sets none.
   *
   * @throws IllegalArgumentException when {@code overflow} is unknown
   */
  public static Overflow overflow(Robot robot) {
    try {
      return Overflow.parse(robot.option(OPTION_OVERFLOW, "truncate"));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("robot " + robot.id() + ": options.overflow " + e.getMessage());
    }
  }
}
