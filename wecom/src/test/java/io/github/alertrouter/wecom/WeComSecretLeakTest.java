package io.github.alertrouter.wecom;

import io.github.alertrouter.spi.PlatformProvider;
import io.github.alertrouter.testkit.PlatformSimulator;
import io.github.alertrouter.testkit.SecretLeakContractTest;
import java.time.Clock;

/** No WeCom webhook key in logs, exceptions or values when deliveries fail. WeCom has no signing and no keywords. */
class WeComSecretLeakTest extends SecretLeakContractTest {
  @Override
  protected PlatformProvider provider() {
    return new WeComProvider();
  }

  @Override
  protected PlatformSimulator startSimulator(Clock clock) {
    return WeComSimulator.start(clock);
  }

  @Override
  protected boolean supportsSigning() {
    return false;
  }

  @Override
  protected boolean supportsKeywords() {
    return false;
  }
}
