/**
 * alert-router's model: {@link io.github.alertrouter.Alert} (labels, annotations, start and end)
 * and its Alertmanager-compatible {@link io.github.alertrouter.Fingerprint}. Configuration lives in
 * {@code .config}, matching and routing in {@code .route}, Alertmanager interop in
 * {@code .alertmanager}, the preview document in {@code .preview}. Everything under
 * {@code .internal} is implementation and may change without notice.
 */
package io.github.alertrouter;
