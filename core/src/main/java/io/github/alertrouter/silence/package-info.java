/**
 * Silences: the first stage of the pipeline, which mutes alerts whose labels match an active
 * {@link io.github.alertrouter.config.Silence} before any policy sees them.
 * {@link io.github.alertrouter.silence.Silencer} holds the silences of the configuration plus those
 * added or expired at run time and answers which silences mute a label set at a given instant.
 *
 * <p>Semantics are Alertmanager's: all matchers of a silence must hold (compiled with
 * {@link io.github.alertrouter.route.MatcherSet}, so a missing label is {@code ""} and regexes are
 * fully anchored RE2), and a silence is active from {@code startsAt} (inclusive) to {@code endsAt}
 * (exclusive). Time is always passed in; nothing here reads a clock.
 *
 * <p>All types are thread-safe; no method accepts or returns {@code null}.
 */
package io.github.alertrouter.silence;
