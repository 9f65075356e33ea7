package io.github.alertrouter.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.alertrouter.internal.http.ScriptedServer.Request;
import io.github.alertrouter.internal.http.TlsFixture.Cert;
import io.github.alertrouter.spi.Transport;
import java.io.IOException;
import java.net.ProxySelector;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Requests through an HTTP proxy named by the selector: https in a CONNECT tunnel, http in absolute form. */
class Http11TransportProxyTest {
  static final Duration TIMEOUT = Duration.ofSeconds(5);

  @TempDir
  static Path dir;
  static Cert local;

  ScriptedServer server;
  ConnectProxy proxy;

  @BeforeAll
  static void certificate() throws Exception {
    local = TlsFixture.generate(dir, "dns:localhost,ip:127.0.0.1").get(0);
  }

  @AfterEach
  void stop() throws Exception {
    proxy.close();
    server.close();
  }

  Transport through(ConnectProxy proxy) throws Exception {
    return new Http11Transport(Duration.ofSeconds(2), 4, local.trusted(), ProxySelector.of(proxy.address()));
  }

  @Test
  void httpsGoesThroughOneTunnelThatIsKept() throws Exception {
    server = ScriptedServer.tls(local.server());
    proxy = ConnectProxy.start();
    Transport transport = through(proxy);

    Calls.post(transport, server, TIMEOUT).answered();
    Calls.post(transport, server, TIMEOUT).answered();

    assertThat(proxy.requestLines()).containsExactly("CONNECT 127.0.0.1:" + server.port() + " HTTP/1.1");
    // inside the tunnel the origin sees what it would see directly
    assertThat(server.received()).extracting(Request::line).containsExactly(
        "POST " + Calls.PATH + " HTTP/1.1", "POST " + Calls.PATH + " HTTP/1.1");
    assertThat(server.received()).extracting(Request::connection).containsExactly(1, 1);
  }

  @Test
  void plainHttpNamesTheWholeUrlToTheProxy() throws Exception {
    server = ScriptedServer.start();
    proxy = ConnectProxy.start();

    assertThat(Calls.post(through(proxy), server, TIMEOUT).answered().body()).isEqualTo("ok");

    String absolute = "POST http://127.0.0.1:" + server.port() + Calls.PATH + " HTTP/1.1";
    assertThat(proxy.requestLines()).containsExactly(absolute);
    assertThat(server.received().get(0).head()).startsWith(absolute + "\r\nHost: 127.0.0.1:" + server.port() + "\r\n");
    assertThat(server.received().get(0).body()).isEqualTo(Calls.BODY);
  }

  @Test
  void aProxyRefusingTheTunnelIsAnIoExceptionNamingNoPath() throws Exception {
    server = ScriptedServer.tls(local.server());
    proxy = ConnectProxy.refusing("HTTP/1.1 407 Proxy Authentication Required\r\n"
        + "Proxy-Authenticate: Basic realm=\"proxy\"\r\nContent-Length: 0\r\n\r\n");

    assertThat(Calls.post(through(proxy), server, TIMEOUT).failedWith(IOException.class))
        .hasMessageContaining("407")
        .hasMessageContaining("127.0.0.1");

    assertThat(server.connections.get()).isZero();
  }
}
