/**
 * Lark (Feishu) custom group bots for alert-router: {@link io.github.alertrouter.lark.LarkProvider}
 * (found with {@link java.util.ServiceLoader}) and the robot options it reads,
 * {@link io.github.alertrouter.lark.LarkOptions}. Everything under {@code .internal} is
 * implementation and may change without notice.
 */
package io.github.alertrouter.lark;
