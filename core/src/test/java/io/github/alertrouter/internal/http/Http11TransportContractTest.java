package io.github.alertrouter.internal.http;

import io.github.alertrouter.spi.Transport;
import java.time.Duration;

/** The default transport holds the whole contract. */
class Http11TransportContractTest extends TransportContractTest {
  @Override
  Transport transport(Duration connectTimeout) {
    return Transport.http11(connectTimeout);
  }
}
