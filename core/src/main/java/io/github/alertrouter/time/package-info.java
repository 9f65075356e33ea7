/**
 * Wall-clock values as configs spell them: durations ({@code 30s}, {@code 1h30m}) and times of
 * day ({@code 09:00}, {@code 24:00}), the {@link io.github.alertrouter.time.Scheduler} seam the
 * router's timers run on, and virtual time for tests ({@link io.github.alertrouter.time.ManualClock},
 * {@link io.github.alertrouter.time.ManualScheduler}: mutable, moved only by the test).
 */
package io.github.alertrouter.time;
