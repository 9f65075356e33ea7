package io.github.alertrouter.internal.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Self-signed certificates made at test time with the JDK's {@code keytool}: no key material is
 * checked in, and a certificate names exactly the hosts a test needs.
 */
final class TlsFixture {
  private static final char[] PASSWORD = "changeit".toCharArray();

  private TlsFixture() {}

  /** A key pair and its self-signed certificate. */
  record Cert(KeyStore keys) {
    /** What a server presenting this certificate uses. */
    SSLContext server() throws GeneralSecurityException {
      KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      managers.init(keys, PASSWORD);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(managers.getKeyManagers(), null, null);
      return context;
    }

    /** What a client trusting this certificate, and nothing else, uses. */
    SSLContext trusted() throws GeneralSecurityException, IOException {
      KeyStore trust = KeyStore.getInstance("PKCS12");
      trust.load(null, null);
      trust.setCertificateEntry("server", keys.getCertificate("server"));
      TrustManagerFactory managers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      managers.init(trust);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, managers.getTrustManagers(), null);
      return context;
    }
  }

  /**
   * One certificate per entry of {@code subjectAlternativeNames} (keytool's {@code SAN=} form, such
   * as {@code dns:localhost,ip:127.0.0.1}), the keytools run side by side.
   */
  static List<Cert> generate(Path dir, String... subjectAlternativeNames) throws Exception {
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    List<Process> running = new ArrayList<>();
    List<Path> stores = new ArrayList<>();
    for (int i = 0; i < subjectAlternativeNames.length; i++) {
      Path store = dir.resolve("cert" + i + ".p12");
      stores.add(store);
      running.add(new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "server",
          "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=alert-router test",
          "-ext", "SAN=" + subjectAlternativeNames[i], "-validity", "2",
          "-keystore", store.toString(), "-storetype", "PKCS12",
          "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD))
          .redirectErrorStream(true)
          .redirectOutput(dir.resolve("keytool" + i + ".log").toFile())
          .start());
    }
    List<Cert> certs = new ArrayList<>();
    for (int i = 0; i < running.size(); i++) {
      Process keytoolRun = running.get(i);
      if (!keytoolRun.waitFor(ScriptedServer.WAIT.toSeconds() * 3, TimeUnit.SECONDS)) {
        keytoolRun.destroyForcibly();
        throw new IllegalStateException("keytool did not finish");
      }
      if (keytoolRun.exitValue() != 0) {
        throw new IllegalStateException("keytool failed: " + Files.readString(dir.resolve("keytool" + i + ".log")));
      }
      KeyStore keys = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(stores.get(i))) {
        keys.load(in, PASSWORD);
      }
      certs.add(new Cert(keys));
    }
    return certs;
  }
}
