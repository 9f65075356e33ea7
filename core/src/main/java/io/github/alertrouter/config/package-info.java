/**
 * The configuration model: immutable records, each checking its own invariants, assembled into a
 * {@link io.github.alertrouter.config.RouterConfig} that also checks every cross-reference and
 * reports all problems at once ({@link io.github.alertrouter.config.ConfigException}). Load one
 * from YAML or JSON with {@link io.github.alertrouter.config.RouterConfig#load}, or build it in
 * code: each record a user builds has a builder or a named factory
 * ({@link io.github.alertrouter.config.Robot#builder}, {@link io.github.alertrouter.config.Contact#builder},
 * ...) whose entry point takes the required values, whose defaults are the loader's for an
 * omitted field, and whose {@code build()} throws a {@code ConfigException} naming every field
 * that is wrong. Secrets are {@link io.github.alertrouter.config.Secret}s and never printed;
 * {@link io.github.alertrouter.config.Secret#fromEnv(String)} reads one from the environment.
 */
package io.github.alertrouter.config;
