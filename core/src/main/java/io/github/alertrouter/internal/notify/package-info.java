/** The in-memory notification log. */
package io.github.alertrouter.internal.notify;
