package io.github.alertrouter.wecom.internal;

import io.github.alertrouter.spi.render.AlertFacts;
import io.github.alertrouter.spi.render.Page;
import io.github.alertrouter.spi.render.Template;
import io.github.alertrouter.spi.render.TemplateContext;
import java.util.Map;

/**
 * A policy's template ({@code notifyRule.templates.wecom}) as the message content. Its values are
 * core's {@link TemplateContext}, escaped by {@link WeComEscaper} for the content's dialect, and
 * WeCom's own (there is no {@code keyword}):
 *
 * <pre>
 * colour            "warning" while anything fires, else "info": {@code <font color="{{colour}}">}
 * source            (of each alert) "[source](url)" in markdown, the URL in text, or ""
 * linkLine          "[Runbook](url) · ..." (text: "Runbook: url" lines)
 * unresolved        people who cannot be @-ed, by name, with the reason
 * mentions          the "&lt;@userid&gt;" tokens (markdown only); "" in parts after the first
 * </pre>
 *
 * <p>Two things a template cannot lose: when it leaves alerts out and does not print
 * {@code {{more}}}, the "…and N more alerts" line is appended; when it omits any
 * {@code <@userid>} token (for instance it never prints {@code {{mentions}}}), the missing tokens
 * are appended on a last line. Unresolved names are the template's choice ({@code {{unresolved}}}):
 * they are reported to listeners either way.
 */
final class TemplateLayout implements Layout {
  private final Template template;
  private final MessageFacts facts;
  private final boolean markdown;

  TemplateLayout(Template template, MessageFacts facts, boolean markdown) {
    this.template = template;
    this.facts = facts;
    this.markdown = markdown;
  }

  @Override
  public String text(Page<AlertFacts> page) {
    String text = template.text(context(facts, page, markdown), page, "\n\n");
    return page.carriesMentions() ? MentionMarkup.withTokens(text, facts.tokens()) : text;
  }

  /** The values a template sees for {@code page}, in markdown or text content. */
  static Map<String, Object> context(MessageFacts facts, Page<AlertFacts> page, boolean markdown) {
    Map<String, Object> c = TemplateContext.of(facts.about(), page,
        a -> markdown ? Links.source(a.generatorURL()) : a.generatorURL());
    c.put("colour", facts.about().resolved() ? MarkdownLayout.INFO : MarkdownLayout.WARNING);
    c.put("linkLine", markdown ? facts.markdownLinkLine() : facts.textLinkLines());
    c.put("unresolved", page.carriesMentions() ? facts.mentions().unresolvedText() : "");
    c.put("mentions", page.carriesMentions() ? facts.tokenLine() : "");
    return c;
  }
}
