/**
 * Matching and routing: compiled conditions ({@link io.github.alertrouter.route.LabelMatcher},
 * {@link io.github.alertrouter.route.MatcherSet}) shared with silences and inhibition, and the
 * {@link io.github.alertrouter.route.RoutingTree} that routes an alert to notification policies
 * with ARMS semantics at the top level and Alertmanager semantics in nested routes, producing
 * Alertmanager-compatible route keys and group keys.
 *
 * <p>Route key format: Alertmanager's {@code Route.Key()} — parent key, {@code /}, the node's
 * matchers as {@code {name<op>"value",...}} sorted as {@code labels.Matchers} sorts them, values
 * in double quotes with only {@code \ " \n} escaped (Alertmanager 0.25's {@code Matcher.String()},
 * checked against amtool). Group keys quote label values with Go's {@code %q}. A top-level
 * policy without rules is the Alertmanager root ({@code {}}); one with rules hangs below an
 * implicit root ({@code {}/{team="payments"}}). {@code in}/{@code nin} print as
 * {@code =~}/{@code !~} with a regex alternation of the quoted values. A policy with several
 * (OR'ed) rules joins each rule's {@code {...}} with {@code |} — our extension, since
 * Alertmanager routes have a single AND list.
 *
 * <p>All types are immutable and thread-safe; no method accepts or returns {@code null} unless its
 * documentation says so.
 */
package io.github.alertrouter.route;
