/**
 * DingTalk custom group robots for alert-router: {@link io.github.alertrouter.dingtalk.DingTalkProvider}
 * (found with {@link java.util.ServiceLoader}) and the robot options it reads,
 * {@link io.github.alertrouter.dingtalk.DingTalkOptions}. Everything under {@code .internal} is
 * implementation and may change without notice.
 */
package io.github.alertrouter.dingtalk;
