package io.github.alertrouter.dingtalk;

import io.github.alertrouter.spi.PlatformProvider;
import io.github.alertrouter.testkit.PlatformSimulator;
import io.github.alertrouter.testkit.SecretLeakContractTest;
import java.time.Clock;

/** No DingTalk access token or signing secret in logs, exceptions or values when deliveries fail. */
class DingTalkSecretLeakTest extends SecretLeakContractTest {
  @Override
  protected PlatformProvider provider() {
    return new DingTalkProvider();
  }

  @Override
  protected PlatformSimulator startSimulator(Clock clock) {
    return DingTalkSimulator.start(clock);
  }
}
