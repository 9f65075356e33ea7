/**
 * The preview document: what the router would do with some alerts at one instant, without sending
 * anything ({@link io.github.alertrouter.preview.RoutingPreview}). Its JSON shape is a stable
 * contract for tools: fields are only ever added.
 */
package io.github.alertrouter.preview;
