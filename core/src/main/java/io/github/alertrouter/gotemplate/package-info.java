/**
 * Go {@code text/template} for Java: a lexer, parser and executor with Go's semantics, plus
 * Alertmanager's template data ({@link io.github.alertrouter.gotemplate.AmData}) and function map,
 * so the message templates ops teams already write for Alertmanager and
 * prometheus-webhook-dingtalk render here unchanged. {@code docs/go-templates.md} lists what is
 * supported and the deliberate differences. Not exported: policies' Go templates reach it through
 * {@code spi.render}'s templates ({@link io.github.alertrouter.gotemplate.MessageData}).
 */
package io.github.alertrouter.gotemplate;
