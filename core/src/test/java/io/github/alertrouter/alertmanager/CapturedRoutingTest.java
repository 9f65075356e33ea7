package io.github.alertrouter.alertmanager;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.alertrouter.alertmanager.webhook.WebhookAlert;
import io.github.alertrouter.alertmanager.webhook.WebhookCodec;
import io.github.alertrouter.alertmanager.webhook.WebhookPayload;
import io.github.alertrouter.route.RouteMatch;
import io.github.alertrouter.route.RoutingTree;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Routes every alert a real Alertmanager 0.25 delivered through our import of the config it ran
 * with, and requires the receiver, group key and group labels that Alertmanager put in the payload.
 */
class CapturedRoutingTest {

  static Stream<Arguments> payloads() throws Exception {
    Path root = Path.of(CapturedRoutingTest.class.getResource("/fixtures/alertmanager-0.25").toURI());
    List<Arguments> rows = new ArrayList<>();
    try (Stream<Path> scenarios = Files.list(root)) {
      for (Path scenario : scenarios.filter(Files::isDirectory).sorted().toList()) {
        try (Stream<Path> files = Files.list(scenario)) {
          for (Path raw : files.filter(f -> f.toString().endsWith(".raw")).sorted().toList()) {
            rows.add(Arguments.of(Named.of(scenario.getFileName() + "/" + raw.getFileName(), raw)));
          }
        }
      }
    }
    return rows.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("payloads")
  void everyDeliveredAlertRoutesToTheSameReceiverAndGroup(Path raw) throws Exception {
    RoutingTree tree = RoutingTree.compile(AlertmanagerConfigImporter
        .importFile(raw.resolveSibling("alertmanager.yml")).config().notificationPolicies());
    WebhookPayload payload = WebhookCodec.create().parse(Files.readAllBytes(raw));

    for (WebhookAlert delivered : payload.alerts()) {
      var labels = delivered.alert().labels();
      List<RouteMatch> sameReceiver = tree.match(labels).stream()
          .filter(m -> m.settings().name().equals(payload.receiverName()))
          .toList();
      assertThat(sameReceiver).as("routes of %s", labels).isNotEmpty();
      assertThat(sameReceiver).anySatisfy(m -> {
        assertThat(m.groupKey(labels)).isEqualTo(payload.groupKey());
        assertThat(m.groupLabels(labels)).isEqualTo(payload.groupLabels());
      });
    }
  }
}
