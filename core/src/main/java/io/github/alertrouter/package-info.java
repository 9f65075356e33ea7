/**
 * alert-router's model: {@link io.github.alertrouter.Alert} (labels, annotations, start and end)
 * and its Alertmanager-compatible {@link io.github.alertrouter.Fingerprint}. Configuration lives in
 * {@code .config}, matching and routing in {@code .route}, Alertmanager interop in
 * {@code .alertmanager}, the preview document in {@code .preview}. The router's engine (groups,
 * timers, the flush pipeline) is package-private here; {@code docs/api.md} lists the exported
 * surface.
 */
package io.github.alertrouter;
