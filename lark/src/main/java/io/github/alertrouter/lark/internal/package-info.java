/** Lark internals: identity, escaping per dialect, rendering, signing, sending, error codes. */
package io.github.alertrouter.lark.internal;
