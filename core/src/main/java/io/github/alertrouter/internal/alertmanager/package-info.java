/** Reading {@code alertmanager.yml}: routes, inhibit rules, time intervals, with path-carrying errors. */
package io.github.alertrouter.internal.alertmanager;
