/**
 * alert-router core: the model, configuration, routing, the engine and the SPIs a platform
 * implements. An application uses {@link io.github.alertrouter.AlertRouter} and the config
 * records; a platform module implements {@code spi} with the kit in {@code spi.render}. What is
 * not exported here is implementation and may change without notice; {@code docs/api.md} lists
 * every exported type by who uses it.
 */
module io.github.alertrouter.core {
  // Platform authors build request bodies as Jackson trees (spi.render.JsonBodies).
  requires transitive com.fasterxml.jackson.databind;
  // http.JdkHttpServerAdapter is a com.sun.net.httpserver.HttpHandler.
  requires transitive jdk.httpserver;
  requires com.fasterxml.jackson.dataformat.yaml;
  requires com.samskivert.jmustache;
  // ConfigLoader reads the YAML parser's own problem marks (line, column).
  requires org.yaml.snakeyaml;
  requires java.net.http;
  requires org.slf4j;
  // re2j ships no module descriptor: its name is derived from the jar's file name.
  requires re2j;

  exports io.github.alertrouter;
  exports io.github.alertrouter.alertmanager.webhook;
  exports io.github.alertrouter.binding;
  exports io.github.alertrouter.config;
  exports io.github.alertrouter.http;
  exports io.github.alertrouter.notify;
  exports io.github.alertrouter.oncall;
  exports io.github.alertrouter.preview;
  exports io.github.alertrouter.spi;
  exports io.github.alertrouter.spi.render;
  exports io.github.alertrouter.store;
  exports io.github.alertrouter.time;
  // The testkit drives a dispatcher directly to check what each outcome logs (SecretLeakContractTest).
  exports io.github.alertrouter.delivery to io.github.alertrouter.testkit;

  uses io.github.alertrouter.spi.PlatformProvider;
}
