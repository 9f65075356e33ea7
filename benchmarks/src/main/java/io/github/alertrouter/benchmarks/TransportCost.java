package io.github.alertrouter.benchmarks;

import com.sun.management.OperatingSystemMXBean;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.github.alertrouter.spi.Transport;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Client CPU per webhook request over TLS, {@code Transport.http11} against {@code Transport.jdk}
 * (issue #19, item 3): 8 threads post 1.5-KB bodies to an HTTPS server in a process of its own
 * (a fresh self-signed certificate made with the JDK's keytool), each transport in turn, three
 * rounds each (the first includes warm-up and the 8 handshakes). Prints the process CPU per
 * request of this JVM, which holds only the client. Run it with the JVM options {@code serve}
 * has ({@code -XX:TieredStopAtLevel=1 -XX:+UseSerialGC}) to see what {@code serve} pays.
 *
 * <pre>
 * java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp benchmarks/target/benchmarks.jar \
 *     io.github.alertrouter.benchmarks.TransportCost [requests per thread, default 2500] [pairs, default 2]
 * </pre>
 */
public final class TransportCost {
  private static final int THREADS = 8;
  private static final char[] PASSWORD = "changeit".toCharArray();

  private TransportCost() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 3 && args[0].equals("server")) {
      serve(Path.of(args[1]), Integer.parseInt(args[2]));
      return;
    }
    int perThread = args.length > 0 ? Integer.parseInt(args[0]) : 2500;
    int pairs = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    Path dir = Files.createTempDirectory("transport-cost");
    Path keys = dir.resolve("keys.p12");
    run(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair", "-alias", "s",
        "-keyalg", "EC", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2",
        "-storetype", "PKCS12", "-keystore", keys.toString(), "-storepass", "changeit", "-keypass", "changeit"));
    int port;
    try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        System.getProperty("java.class.path"), TransportCost.class.getName(), "server", keys.toString(),
        String.valueOf(port)).inheritIO().start();
    try {
      SSLContext trusting = context(keys, false);
      URI uri = URI.create("https://localhost:" + port + "/robot/send?access_token=bench");
      awaitServer(uri, trusting);
      for (int pair = 0; pair < pairs; pair++) {
        measure("http11", Transport.http11(Duration.ofSeconds(5), trusting), uri, perThread);
        SSLContext.setDefault(trusting); // the JDK client takes the default context
        measure("jdk", Transport.jdk(Duration.ofSeconds(5)), uri, perThread);
      }
    } finally {
      server.destroy();
    }
  }

  private static void measure(String name, Transport transport, URI uri, int perThread) throws Exception {
    byte[] body = new byte[1500];
    Arrays.fill(body, (byte) 'a');
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    for (int round = 1; round <= 3; round++) {
      long cpu = os.getProcessCpuTime();
      long start = System.nanoTime();
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      List<Future<Integer>> failed = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        failed.add(pool.submit(() -> {
          int fails = 0;
          for (int i = 0; i < perThread; i++) {
            try {
              fails += transport.post(uri, Map.of("Content-Type", "application/json"), body, Duration.ofSeconds(5))
                  .status() == 200 ? 0 : 1;
            } catch (IOException e) {
              fails++;
            }
          }
          return fails;
        }));
      }
      int fails = 0;
      for (Future<Integer> f : failed) {
        fails += f.get();
      }
      pool.shutdown();
      int requests = THREADS * perThread;
      System.out.printf("%-6s round %d: %5.0f us of client CPU per request, %6.0f requests/s, %d failed%n", name, round,
          (os.getProcessCpuTime() - cpu) / 1e3 / requests, requests / ((System.nanoTime() - start) / 1e9), fails);
    }
  }

  private static void serve(Path keys, int port) throws Exception {
    System.setProperty("sun.net.httpserver.nodelay", "true"); // answer at once, as a platform's front end does
    HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
    server.setHttpsConfigurator(new HttpsConfigurator(context(keys, true)));
    server.setExecutor(Executors.newFixedThreadPool(16));
    byte[] ok = "{\"errcode\":0,\"errmsg\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
    server.createContext("/", exchange -> {
      try (InputStream in = exchange.getRequestBody()) {
        in.readAllBytes();
      }
      exchange.sendResponseHeaders(200, ok.length);
      exchange.getResponseBody().write(ok);
      exchange.close();
    });
    server.start();
  }

  private static SSLContext context(Path keys, boolean server) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keys)) {
      store.load(in, PASSWORD);
    }
    SSLContext context = SSLContext.getInstance("TLS");
    if (server) {
      KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keyManagers.init(store, PASSWORD);
      context.init(keyManagers.getKeyManagers(), null, null);
    } else {
      TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(store);
      context.init(null, trust.getTrustManagers(), null);
    }
    return context;
  }

  private static void awaitServer(URI uri, SSLContext trusting) throws Exception {
    Transport probe = Transport.http11(Duration.ofSeconds(1), trusting);
    for (int attempt = 0; attempt < 100; attempt++) { // bounded: 10 s
      try {
        probe.post(uri, Map.of(), new byte[0], Duration.ofSeconds(1));
        return;
      } catch (IOException e) {
        Thread.sleep(100);
      }
    }
    throw new IllegalStateException("the HTTPS server did not start");
  }

  private static void run(List<String> command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IllegalStateException(String.join(" ", command.subList(0, 2)) + " failed: " + out);
    }
  }
}
