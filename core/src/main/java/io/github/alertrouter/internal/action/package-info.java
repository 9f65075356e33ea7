/**
 * Implementation of {@link io.github.alertrouter.action}: the token payload codec, the HMAC
 * signer, the in-memory used-token store and the HTML pages. Not API; may change at any time.
 */
package io.github.alertrouter.internal.action;
