package io.github.alertrouter.dingtalk.internal;

import io.github.alertrouter.spi.Notice;
import io.github.alertrouter.spi.NoticeRequest;
import io.github.alertrouter.spi.OutboundMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * A notice (an on-call handoff) as one DingTalk markdown message: the keyword and title as a
 * heading, each line escaped like alert text (names come from configuration, still not markup),
 * unresolved people by name, and the @tokens with the {@code at} object, as for alerts. Notices
 * are a few lines, far below the byte limit; each line is still bounded. Stateless.
 */
public final class DingTalkNotices {
  private static final int MAX_LINE = 500;

  private DingTalkNotices() {}

  public static List<OutboundMessage> render(NoticeRequest request) {
    Notice notice = request.notice();
    String keyword = request.robot().keyword() == null ? "" : "[" + DingTalkEscaper.inline(request.robot().keyword()) + "] ";
    String title = keyword + DingTalkEscaper.inline(notice.title(), MAX_LINE);
    MentionMarkup plan = MentionMarkup.of(notice.mentions());
    List<String> blocks = new ArrayList<>();
    blocks.add("### " + title);
    notice.lines().forEach(line -> blocks.add(DingTalkEscaper.inline(line, MAX_LINE)));
    String unresolved = plan.unresolvedText();
    if (!unresolved.isEmpty()) {
      blocks.add(unresolved);
    }
    String text = MentionMarkup.withTokens(String.join("\n\n", blocks), plan.tokens());
    return List.of(new OutboundMessage(DingTalkMessages.MARKDOWN, DingTalkMessages.markdown(title, text, plan),
        notice.mentions()));
  }
}
