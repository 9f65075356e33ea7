package io.github.alertrouter.wecom.internal;

import io.github.alertrouter.spi.Notice;
import io.github.alertrouter.spi.NoticeRequest;
import io.github.alertrouter.spi.OutboundMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * A notice (an on-call handoff) as one WeCom {@code text} message: keyword and title, each line
 * escaped for the text dialect, unresolved people by name, and every mention — userid, mobile or
 * everyone — in the message's mention lists, which only text messages honour. Stateless.
 */
public final class WeComNotices {
  private static final int MAX_LINE = 300;

  private WeComNotices() {}

  public static List<OutboundMessage> render(NoticeRequest request) {
    Notice notice = request.notice();
    MentionMarkup plan = MentionMarkup.of(notice.mentions(), WeComEscaper.TEXT);
    List<String> lines = new ArrayList<>();
    String keyword = request.robot().keyword() == null ? "" : "[" + WeComEscaper.TEXT.inline(request.robot().keyword()) + "] ";
    lines.add(keyword + WeComEscaper.TEXT.inline(notice.title(), MAX_LINE));
    notice.lines().forEach(line -> lines.add(WeComEscaper.TEXT.inline(line, MAX_LINE)));
    String unresolved = plan.unresolvedText();
    if (!unresolved.isEmpty()) {
      lines.add(unresolved);
    }
    MentionMarkup.Lists lists = plan.everything();
    String body = WeComMessages.text(String.join("\n", lines), lists.mentionedList(), lists.mentionedMobileList());
    return List.of(new OutboundMessage(WeComMessages.TEXT, body, lists.mentions()));
  }
}
