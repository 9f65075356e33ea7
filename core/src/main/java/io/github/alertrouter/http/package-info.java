/**
 * What a web server needs to serve a router's links: the {@link
 * io.github.alertrouter.http.ActionHandler} a router hands out, the {@link
 * io.github.alertrouter.http.Response} it answers with, and the {@link
 * io.github.alertrouter.http.JdkHttpServerAdapter} that mounts it on the JDK's own server. How
 * links are signed, checked and performed is the closed {@code action} package.
 */
package io.github.alertrouter.http;
