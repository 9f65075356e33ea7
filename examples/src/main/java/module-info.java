/**
 * Worked examples: a router embedded in an application, action links served by your own HTTP
 * server, and a platform of your own ({@code GenericWebhookProvider}) plugged in as a provider.
 */
module io.github.alertrouter.examples {
  requires io.github.alertrouter.core;

  provides io.github.alertrouter.spi.PlatformProvider
      with io.github.alertrouter.examples.GenericWebhookProvider;
}
