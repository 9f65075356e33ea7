package io.github.alertrouter.dingtalk.internal;

import io.github.alertrouter.spi.render.AlertFacts;
import io.github.alertrouter.spi.render.Page;
import io.github.alertrouter.spi.render.Template;
import io.github.alertrouter.spi.render.TemplateContext;
import java.util.Map;

/**
 * A policy's template as the message text (the title stays built-in). Its values are core's
 * {@link TemplateContext}, escaped by {@link DingTalkEscaper}, and DingTalk's own:
 *
 * <pre>
 * keyword           the robot's keyword, or ""
 * source            (of each alert) "[source](url)" or ""
 * linkLine          "[Runbook](url) · ..." (markdown only)
 * unresolved        people who cannot be @-ed, by name, with the reason
 * mentions          the @tokens ("@13800000001 @manager7"); "" in parts after the first
 * </pre>
 *
 * <p>Two things a template cannot lose: when it leaves alerts out and does not print
 * {@code {{more}}}, the "…and N more alerts" line is appended; when it omits any @token (for
 * instance it never prints {@code {{mentions}}}), the missing tokens are appended on a last line.
 */
final class TemplateLayout implements Layout {
  private final Template template;
  private final MessageFacts facts;

  TemplateLayout(Template template, MessageFacts facts) {
    this.template = template;
    this.facts = facts;
  }

  @Override
  public String text(Page<AlertFacts> page) {
    String text = template.text(context(facts, page), page, "\n\n");
    return page.carriesMentions() ? MentionMarkup.withTokens(text, facts.tokens()) : text;
  }

  /** The values a template sees for {@code page}. */
  static Map<String, Object> context(MessageFacts facts, Page<AlertFacts> page) {
    Map<String, Object> c = TemplateContext.of(facts.about(), page, a -> Links.source(a.generatorURL()));
    c.put("keyword", facts.about().keyword());
    c.put("linkLine", facts.linkLine());
    c.put("unresolved", page.carriesMentions() ? facts.mentions().unresolvedText() : "");
    c.put("mentions", page.carriesMentions() ? facts.tokenLine() : "");
    return c;
  }
}
