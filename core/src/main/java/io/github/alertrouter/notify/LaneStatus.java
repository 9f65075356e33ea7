package io.github.alertrouter.notify;

import java.time.Instant;

/**
 * One robot's delivery lane at one instant, as {@code AlertRouter.lanes()} reports it: what is
 * still to be sent to the robot and whether the platform is throttling it. Immutable.
 *
 * @param robotId the robot
 * @param pending deliveries queued or in flight (a digest counts once)
 * @param penaltyEnds until when the platform's throttling penalty holds the lane, or {@code null}
 */
public record LaneStatus(String robotId, int pending, Instant penaltyEnds) {}
