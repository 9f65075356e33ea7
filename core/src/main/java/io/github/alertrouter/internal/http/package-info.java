/**
 * The default {@link io.github.alertrouter.spi.Transport}: a small HTTP/1.1 client over the JDK's
 * sockets and TLS, made for posting webhooks (kept connections bounded per host, one deadline per
 * request, never a retry). Internal: not part of the API, may change without notice; use
 * {@code Transport.http11}.
 */
package io.github.alertrouter.internal.http;
