/**
 * The Lark platform: its wire format, limits, error codes and signing, assembled from core's
 * platform kit. Applications find it through {@code ServiceLoader}; only the provider is exported.
 */
module io.github.alertrouter.lark {
  requires transitive io.github.alertrouter.core;

  exports io.github.alertrouter.lark;

  provides io.github.alertrouter.spi.PlatformProvider with io.github.alertrouter.lark.LarkProvider;
}
