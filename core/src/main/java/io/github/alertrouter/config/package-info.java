/**
 * The configuration model: immutable records, each checking its own invariants, assembled into a
 * {@link io.github.alertrouter.config.RouterConfig} that also checks every cross-reference and
 * reports all problems at once ({@link io.github.alertrouter.config.ConfigException}). Load one
 * from YAML or JSON with {@link io.github.alertrouter.config.RouterConfig#load}, or build it in
 * code. Secrets are {@link io.github.alertrouter.config.Secret}s and never printed.
 */
package io.github.alertrouter.config;
