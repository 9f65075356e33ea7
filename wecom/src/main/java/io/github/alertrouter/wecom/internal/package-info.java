/** WeCom internals: identity, escaping, rendering, byte budgets, sending, error codes. */
package io.github.alertrouter.wecom.internal;
