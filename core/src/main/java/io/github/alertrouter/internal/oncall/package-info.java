/**
 * The compiled form of an on-call schedule behind {@link io.github.alertrouter.oncall.OnCallSchedule}:
 * each layer as shifts and on-duty windows, overrides as disjoint spans, and the final timeline
 * computed a week-long page at a time and cached.
 */
package io.github.alertrouter.internal.oncall;
