package io.github.alertrouter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DemoTranscriptTest {
  @Test
  void shortensToTheHeadlineAndTheReason() {
    String wecom = """
        ## <font color="warning">🔥 FIRING:2</font> PaymentsHighErrorRate prod-shanghai

        > <font color="comment">Group: alertname=PaymentsHighErrorRate, cluster=prod-shanghai</font>
        > <font color="comment">Policy: payments-critical · Reason: escalation step 1 of 2</font>

        5xx ratio 7.2% on payments-api
        <@BobLi>
        """;
    assertThat(DemoTranscript.shorten(wecom))
        .isEqualTo("🔥 FIRING:2 PaymentsHighErrorRate prod-shanghai — escalation step 1 of 2");
  }

  @Test
  void keepsWhatADigestMerges() {
    String lark = """
        [FIRING:46] UpstreamTimeouts
        🔥 FIRING:46 · UpstreamTimeouts
        **Policy:** payments-warning · **Reason:** digest of queued notifications
        **Digest:** merges 46 groups
        <at id=bob.li></at>
        """;
    assertThat(DemoTranscript.shorten(lark))
        .isEqualTo("[FIRING:46] UpstreamTimeouts — digest of queued notifications — Digest: merges 46 groups");
  }

  @Test
  void keepsWhoIsNextAfterAHandoff() {
    String dingtalk = """
        ### [alert] On call for Payments primary: Bob Li

        Since 2026-03-09 10:00:00 CST (+08:00), until 2026-03-10 10:00:00 CST (+08:00)

        Next: Alice Zhang

        @13800000002
        """;
    assertThat(DemoTranscript.shorten(dingtalk)).isEqualTo("[alert] On call for Payments primary: Bob Li — Next: Alice Zhang");
  }

  @Test
  void cutsLongLines() {
    assertThat(DemoTranscript.shorten("x".repeat(500))).hasSize(DemoTranscript.TEXT_WIDTH).endsWith("…");
  }
}
