/**
 * Wall-clock values as configs spell them: durations ({@code 30s}, {@code 1h30m}) and times of
 * day ({@code 09:00}, {@code 24:00}). All types are immutable and thread-safe.
 */
package io.github.alertrouter.time;
