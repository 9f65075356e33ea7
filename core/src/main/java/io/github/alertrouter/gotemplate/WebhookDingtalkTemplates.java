package io.github.alertrouter.gotemplate;

import java.util.HashMap;
import java.util.Map;

/**
 * The template set prometheus-webhook-dingtalk gives its users, so that their templates render
 * here as they did there: its {@code default.tmpl} ({@code ding.link.title},
 * {@code ding.link.content}, {@code default.*}, {@code legacy.*} and its own {@code __subject},
 * {@code __alertmanagerURL}, {@code __text_alert_list}), parsed with Alertmanager's functions plus
 * {@link WebhookDingtalkFunctions} and {@code missingkey=zero}. Alertmanager's own
 * {@code default.tmpl} is not in it (prometheus-webhook-dingtalk never had it). Thread-safe.
 */
public final class WebhookDingtalkTemplates {
  private static final GoTemplate DEFAULTS = load();

  private WebhookDingtalkTemplates() {}

  /** The defaults; {@link GoTemplate#parse} user templates on top of them. */
  public static GoTemplate defaults() {
    return DEFAULTS;
  }

  private static GoTemplate load() {
    Map<String, GoFunc> funcs = new HashMap<>(GoTemplate.alertmanager().functions());
    funcs.putAll(WebhookDingtalkFunctions.ALL);
    return AlertmanagerTemplates.load("webhook-dingtalk.tmpl", GoTemplate.withFunctions(funcs));
  }
}
