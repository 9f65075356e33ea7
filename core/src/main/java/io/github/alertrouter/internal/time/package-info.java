/**
 * How notify windows and time intervals behave in time: the one rule that turns a wall-clock time
 * into an instant ({@link WallClock}), the spans a notify window is open ({@link WindowSpans}) and
 * Alertmanager's {@code time_intervals} matching ({@link PeriodMatcher}). Everything here is a
 * pure function of its arguments: the instant to judge is always passed in, the wall clock is
 * never read. Not API: the config records delegate here.
 */
package io.github.alertrouter.internal.time;
