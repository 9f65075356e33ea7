package io.github.alertrouter.lark.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.alertrouter.lark.internal.LarkEscaper.Dialect;
import io.github.alertrouter.spi.Notice;
import io.github.alertrouter.spi.NoticeRequest;
import io.github.alertrouter.spi.OutboundMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * A notice (an on-call handoff) as one Lark {@code text} message: keyword and title, each line
 * escaped for the text dialect, unresolved people by name, and {@code <at user_id=…>} tags. A
 * text message, not a card: a handoff is a sentence, and an {@code @all} in a card would make the
 * whole notice fail in a group that forbids it. Stateless.
 */
public final class LarkNotices {
  private static final int MAX_LINE = 500;

  private LarkNotices() {}

  public static List<OutboundMessage> render(NoticeRequest request) {
    Notice notice = request.notice();
    String keyword = request.robot().keyword() == null ? "" : "[" + Dialect.TEXT.inline(request.robot().keyword(), 40) + "] ";
    MentionMarkup plan = MentionMarkup.of(notice.mentions());
    List<String> lines = new ArrayList<>();
    lines.add(keyword + Dialect.TEXT.inline(notice.title(), MAX_LINE));
    notice.lines().forEach(line -> lines.add(Dialect.TEXT.inline(line, MAX_LINE)));
    String unresolved = plan.unresolvedText(Dialect.TEXT);
    if (!unresolved.isEmpty()) {
      lines.add(unresolved);
    }
    String text = MentionMarkup.withTags(String.join("\n", lines), plan.textTagList());
    ObjectNode root = LarkMessages.root(LarkMessages.TEXT);
    root.putObject("content").put("text", LarkMessages.clean(text));
    return List.of(new OutboundMessage(LarkMessages.TEXT, LarkMessages.write(root), plan.resolved()));
  }
}
