/**
 * The {@code alert-router} command: {@code routes test} (amtool-compatible), {@code validate},
 * {@code preview}, {@code import-alertmanager}. Each subcommand is one {@link
 * io.github.alertrouter.cli.Command}; {@link io.github.alertrouter.cli.Main} dispatches and maps
 * errors to exit codes.
 */
package io.github.alertrouter.cli;
