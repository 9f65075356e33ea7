/**
 * Faithful re-implementations of the few Go text routines whose exact output Alertmanager users
 * see: {@code strconv.Quote} (route and group keys), {@code regexp.QuoteMeta} and Go's byte-wise
 * string order. Internal: not part of the API, may change without notice.
 */
package io.github.alertrouter.internal.text;
