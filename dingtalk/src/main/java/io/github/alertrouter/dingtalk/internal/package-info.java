/** DingTalk internals: identity, escaping, rendering, signing, sending, error codes. */
package io.github.alertrouter.dingtalk.internal;
