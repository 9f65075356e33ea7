package io.github.alertrouter.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ServeCommandTest {
  @ParameterizedTest(name = "{0} = {1} bytes")
  @CsvSource({"1MiB, 1048576", "512KiB, 524288", "512k, 524288", "4MB, 4194304", "100, 100", "100B, 100"})
  void sizes(String text, int bytes) {
    assertThat(ServeCommand.size(text)).isEqualTo(bytes);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"0", "-1", "1GiB", "lots", "99999999999MiB"})
  void badSizesAreUsageErrors(String text) {
    assertThatThrownBy(() -> ServeCommand.size(text)).isInstanceOf(UsageException.class).hasMessageContaining("--max-body");
  }

  @Test
  void listenAddresses() {
    assertThat(ServeCommand.listen("127.0.0.1:9094").getPort()).isEqualTo(9094);
    assertThat(ServeCommand.listen("[::1]:0").getAddress().getHostAddress()).contains(":");
    assertThatThrownBy(() -> ServeCommand.listen("9094")).isInstanceOf(UsageException.class);
    assertThatThrownBy(() -> ServeCommand.listen("127.0.0.1:99999")).isInstanceOf(UsageException.class);
  }

  @Test
  void theTokenComesFromTheNamedVariableAndIsNeverShown() {
    ServeCommand command = new ServeCommand(Clock.systemUTC(), Map.of("API_TOKEN", "t0p-s3cret")::get);

    ReceiverServer.Settings settings = command.settings(List.of("--config=x.yaml", "--token-env=API_TOKEN"));

    assertThat(settings.token().reveal()).isEqualTo("t0p-s3cret");
    assertThat(settings.toString()).doesNotContain("t0p-s3cret");
    assertThat(settings.maxBodyBytes()).isEqualTo(ReceiverServer.DEFAULT_MAX_BODY_BYTES);
    assertThat(settings.listen().getPort()).isEqualTo(9094);
    assertThatThrownBy(() -> command.settings(List.of("--config=x.yaml", "--token-env=MISSING")))
        .isInstanceOf(UsageException.class).hasMessageContaining("MISSING");
  }

  @Test
  void theLeaseTtlIsReadWithADatabaseAndRefusedWithout() {
    ServeCommand command = new ServeCommand(Clock.systemUTC(), Map.<String, String>of()::get);
    String url = "--storage.url=jdbc:postgresql://127.0.0.1:5432/alerts";

    assertThat(command.settings(List.of("--config=x.yaml", url, "--storage.lease-ttl=30s")).timeouts().lease())
        .isEqualTo(java.time.Duration.ofSeconds(30));
    assertThat(command.settings(List.of("--config=x.yaml", url)).timeouts().lease())
        .isEqualTo(java.time.Duration.ofSeconds(10));
    assertThatThrownBy(() -> command.settings(List.of("--config=x.yaml", "--storage.lease-ttl=30s")))
        .isInstanceOf(UsageException.class).hasMessageContaining("--storage.url");
    assertThatThrownBy(() -> command.settings(List.of("--config=x.yaml", url, "--storage.lease-ttl=0s")))
        .isInstanceOf(UsageException.class).hasMessageContaining("--storage.lease-ttl");
  }

  @Test
  void isListedWithHelp() {
    assertThat(CliRun.of("--help").stdout()).contains("serve");
    CliRun help = CliRun.of("serve", "--help");
    assertThat(help.exit()).isZero();
    assertThat(help.stdout()).contains("/api/v1/alertmanager", "--token-env");
  }

  @Test
  void aBadConfigExits2WithoutListening() {
    CliRun run = CliRun.of("serve", "--config=does-not-exist.yaml", "--listen=127.0.0.1:0");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.stdout()).doesNotContain("listening");
  }
}
