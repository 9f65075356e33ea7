/**
 * Reading, checking and writing configurations. {@code ConfigLoader} turns text into a Jackson
 * tree; one small binder per top-level section walks it through {@code Node}, which tracks the
 * path and collects problems instead of throwing; {@code ConfigValidator} checks what spans
 * records (ids, references, the repeat-or-escalation rule); {@code ConfigWriter} writes YAML back.
 * Not API: only {@link io.github.alertrouter.config.RouterConfig} and the CLI call in here.
 */
package io.github.alertrouter.internal.config;
