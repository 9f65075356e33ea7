package io.github.alertrouter.lark;

import io.github.alertrouter.spi.PlatformProvider;
import io.github.alertrouter.testkit.PlatformSimulator;
import io.github.alertrouter.testkit.SecretLeakContractTest;
import java.time.Clock;

/** No Lark hook token or signing secret in logs, exceptions or values when deliveries fail. */
class LarkSecretLeakTest extends SecretLeakContractTest {
  @Override
  protected PlatformProvider provider() {
    return new LarkProvider();
  }

  @Override
  protected PlatformSimulator startSimulator(Clock clock) {
    return LarkSimulator.start(clock);
  }
}
