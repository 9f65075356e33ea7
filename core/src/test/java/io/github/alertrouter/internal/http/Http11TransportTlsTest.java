package io.github.alertrouter.internal.http;

import static io.github.alertrouter.internal.http.ScriptedServer.OK;
import static io.github.alertrouter.internal.http.ScriptedServer.WAIT;
import static io.github.alertrouter.internal.http.ScriptedServer.answer;
import static io.github.alertrouter.internal.http.ScriptedServer.answerAndClose;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.alertrouter.internal.http.ScriptedServer.Request;
import io.github.alertrouter.internal.http.TlsFixture.Cert;
import io.github.alertrouter.spi.Transport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS against self-signed certificates made for the test: trusted only when given, and only for the host they name. */
class Http11TransportTlsTest {
  static final Duration TIMEOUT = Duration.ofSeconds(5);

  @TempDir
  static Path dir;
  static Cert local; // names localhost and 127.0.0.1
  static Cert elsewhere; // names example.org only

  ScriptedServer server;

  @BeforeAll
  static void certificates() throws Exception {
    List<Cert> certs = TlsFixture.generate(dir, "dns:localhost,ip:127.0.0.1", "dns:example.org");
    local = certs.get(0);
    elsewhere = certs.get(1);
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  static Transport trusting(Cert cert) throws Exception {
    return new Http11Transport(Duration.ofSeconds(2), 4, cert.trusted(), null);
  }

  @Test
  void aClientTrustingTheCertificateIsAnsweredAndKeepsItsConnection() throws Exception {
    server = ScriptedServer.tls(local.server(), answer("HTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\nsecure"));
    Transport transport = trusting(local);

    Transport.Response first = Calls.post(transport, server, TIMEOUT).answered();
    Transport.Response second = Calls.post(transport, server, TIMEOUT).answered();

    assertThat(first.body()).isEqualTo("secure");
    assertThat(second.body()).isEqualTo("secure");
    assertThat(server.received()).extracting(Request::connection).containsExactly(1, 1);
    assertThat(server.received().get(0).line()).isEqualTo("POST " + Calls.PATH + " HTTP/1.1");
    assertThat(server.received().get(0).body()).isEqualTo(Calls.BODY);
  }

  @Test
  void aKeptTlsConnectionTheServerClosedIsNotUsed() throws Exception {
    // the server's close_notify is read beneath TLS by the liveness check: a byte there, not reusable
    server = ScriptedServer.tls(local.server(), answerAndClose("HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nkept"),
        answer(OK));
    Transport transport = trusting(local);
    Calls.post(transport, server, TIMEOUT).answered();
    assertThat(server.ended.await(1, WAIT)).isTrue();

    assertThat(Calls.post(transport, server, TIMEOUT).answered().body()).isEqualTo("ok");

    assertThat(server.received()).extracting(Request::connection).containsExactly(1, 2);
  }

  @Test
  void theJdksDefaultTrustRefusesASelfSignedCertificate() throws Exception {
    server = ScriptedServer.tls(local.server());
    Transport transport = new Http11Transport(Duration.ofSeconds(2), 4, null, null);

    Calls.post(transport, server, TIMEOUT).failedWith(SSLHandshakeException.class);

    assertThat(server.requests.get()).isZero();
  }

  @Test
  void aTrustedCertificateForAnotherHostFailsHostNameVerification() throws Exception {
    server = ScriptedServer.tls(elsewhere.server());
    Transport transport = trusting(elsewhere);

    assertThat(Calls.post(transport, server, TIMEOUT).failedWith(SSLHandshakeException.class))
        .hasMessageContaining("127.0.0.1");

    assertThat(server.requests.get()).isZero();
  }

  @Test
  void aClientTrustingAnotherCertificateFails() throws Exception {
    server = ScriptedServer.tls(local.server());
    SSLContext other = elsewhere.trusted();

    Calls.post(new Http11Transport(Duration.ofSeconds(2), 4, other, null), server, TIMEOUT)
        .failedWith(SSLHandshakeException.class);

    assertThat(server.requests.get()).isZero();
  }
}
