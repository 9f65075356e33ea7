/**
 * Lark (Feishu) custom group bots for alert-router: {@link io.github.alertrouter.lark.LarkProvider},
 * found with {@link java.util.ServiceLoader}, is the only public type; robots are configured through
 * their options map (see the provider). Everything else in this package is implementation: the
 * platform's own parts, which core's platform kit calls.
 */
package io.github.alertrouter.lark;
