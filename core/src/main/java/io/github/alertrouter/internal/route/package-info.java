/**
 * Implementation details of {@code io.github.alertrouter.route}: the equality index over a list
 * of sibling policies and a small growable int list. Internal: not part of the API.
 */
package io.github.alertrouter.internal.route;
