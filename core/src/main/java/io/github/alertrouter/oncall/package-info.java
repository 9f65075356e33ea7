/**
 * On-call schedules evaluated: who is on duty at an instant ({@link
 * io.github.alertrouter.oncall.OnCallSchedule#onCall}), when that changes, and the final schedule
 * over a range as {@link io.github.alertrouter.oncall.Shift}s and {@link
 * io.github.alertrouter.oncall.Gap}s. The model is PagerDuty's layers (ARMS schedules are a subset):
 * rotations by the wall clock of the schedule's zone, restrictions, start/end, a later layer over an
 * earlier one, overrides over all layers.
 */
package io.github.alertrouter.oncall;
