/**
 * Escalation decided as pure functions of a policy, an episode's state and an instant: which
 * {@link io.github.alertrouter.config.EscalationStep} firings are due ({@link
 * io.github.alertrouter.escalate.EscalationPlanner}), and where episodes are kept between decisions
 * ({@link io.github.alertrouter.store.EscalationStore}).
 *
 * <p><b>Episode.</b> An episode of an alert group starts with its first notice and ends when the
 * group resolves: the engine then {@linkplain io.github.alertrouter.store.EscalationStore#remove
 * removes} its state, so a group that fires again starts a new episode from step 1.
 *
 * <p><b>Schedule.</b> Step {@code s} of round {@code n} fires repeat {@code k} (0 for the first
 * firing, up to the step's repeat count) at {@code firstNotice + n * policy.roundLength() + after +
 * k * every}; rounds run from 0 to {@code policy.loops()}. Every firing fires at most once per
 * episode: the state records it.
 *
 * <p><b>Conditions.</b> Nothing is due once the group is resolved. {@code UNACKED} steps are not
 * due while the group is acknowledged; {@code UNRESOLVED} steps are due whatever the ack.
 *
 * <p><b>Late firings.</b> Of one step's firings, only the latest one scheduled at or before now is
 * due; an earlier one that did not fire (the group was acknowledged at its time and then
 * unacknowledged, or the engine was not running) is superseded and never fires. So a firing held
 * back by an acknowledgement fires as soon as the group is unacknowledged if that is still within
 * its slot — before the step's next firing — and otherwise the step's next firing fires instead;
 * no backlog of repeats is ever sent at once. The last firing of a step has no end to its slot: it
 * fires late rather than never.
 *
 * <p>Time is always passed in; nothing here reads a clock. All types are immutable or
 * thread-safe; {@code null} is accepted or returned only where a method says so.
 */
package io.github.alertrouter.escalate;
