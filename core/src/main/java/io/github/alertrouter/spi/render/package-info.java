/**
 * Platform-neutral helpers for platform modules' renderers: paging a notification into a size
 * limit ({@link io.github.alertrouter.spi.render.Paging}) and showing times the same way on every
 * platform ({@link io.github.alertrouter.spi.render.TimeText}).
 */
package io.github.alertrouter.spi.render;
