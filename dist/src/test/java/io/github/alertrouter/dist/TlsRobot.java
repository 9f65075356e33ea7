package io.github.alertrouter.dist;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A DingTalk robot webhook over HTTPS on loopback, with an EC (P-256) certificate made for the
 * test, so that a client can only reach it with elliptic-curve TLS (ECDSA signatures, ECDHE key
 * exchange): what the platforms' endpoints ask of the bundled runtime. Records each body posted.
 */
final class TlsRobot implements AutoCloseable {
  static final String PASSWORD = "changeit";

  private final HttpsServer server;
  private final List<String> bodies = new CopyOnWriteArrayList<>();

  private TlsRobot(HttpsServer server) {
    this.server = server;
  }

  /**
   * Makes a key pair and its certificate for 127.0.0.1 in {@code dir} with the JDK's keytool
   * ({@code server.p12}, and {@code trust.p12} holding only the certificate), and starts serving.
   */
  static TlsRobot start(Path dir) throws Exception {
    Path keystore = dir.resolve("server.p12");
    Path cert = dir.resolve("server.cer");
    keytool("-genkeypair", "-alias", "robot", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1",
        "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore", keystore.toString(),
        "-storepass", PASSWORD, "-keypass", PASSWORD);
    keytool("-exportcert", "-alias", "robot", "-keystore", keystore.toString(), "-storepass", PASSWORD,
        "-file", cert.toString());
    keytool("-importcert", "-noprompt", "-alias", "robot", "-file", cert.toString(), "-storetype", "PKCS12",
        "-keystore", dir.resolve("trust.p12").toString(), "-storepass", PASSWORD);

    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = new FileInputStream(keystore.toFile())) {
      keys.load(in, PASSWORD.toCharArray());
    }
    KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    managers.init(keys, PASSWORD.toCharArray());
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(managers.getKeyManagers(), null, null);

    HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(tls));
    TlsRobot robot = new TlsRobot(server);
    server.createContext("/robot/send", exchange -> {
      robot.bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      byte[] ok = "{\"errcode\":0,\"errmsg\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, ok.length);
      exchange.getResponseBody().write(ok);
      exchange.close();
    });
    server.start();
    return robot;
  }

  private static void keytool(String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
    command.addAll(List.of(args));
    Process keytool = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
      throw new IOException("keytool " + args[0] + " failed: " + output);
    }
  }

  /** The webhook URL, with a made-up token. */
  String webhook() {
    return "https://127.0.0.1:" + server.getAddress().getPort() + "/robot/send?access_token=t0k3n";
  }

  List<String> bodies() {
    return bodies;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
