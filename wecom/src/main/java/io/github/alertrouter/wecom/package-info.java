/**
 * WeCom group robots ("消息推送", formerly 群机器人) for alert-router:
 * {@link io.github.alertrouter.wecom.WeComProvider} (found with {@link java.util.ServiceLoader}) and
 * the robot options it reads, {@link io.github.alertrouter.wecom.WeComOptions}. Everything under
 * {@code .internal} is implementation and may change without notice.
 */
package io.github.alertrouter.wecom;
