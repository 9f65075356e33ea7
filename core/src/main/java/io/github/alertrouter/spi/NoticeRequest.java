package io.github.alertrouter.spi;

import io.github.alertrouter.config.Robot;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A notice to render for one robot. Immutable.
 *
 * @param notice what to say
 * @param robot the robot that posts it (keyword, options)
 * @param displayZone the zone times are shown in (robot option {@code timeZone})
 */
public record NoticeRequest(Notice notice, Robot robot, ZoneId displayZone) {
  /** @throws NullPointerException if a component is null */
  public NoticeRequest {
    Objects.requireNonNull(notice, "notice");
    Objects.requireNonNull(robot, "robot");
    Objects.requireNonNull(displayZone, "displayZone");
  }

  /** A request whose zone comes from the robot's options. */
  public static NoticeRequest of(Notice notice, Robot robot) {
    return new NoticeRequest(notice, robot, RenderRequest.displayZone(robot));
  }
}
