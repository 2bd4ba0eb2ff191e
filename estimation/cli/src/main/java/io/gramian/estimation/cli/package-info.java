/**
 * The {@code gramian} command-line tool: its commands, options, input files and JSON output ({@code
 * docs/cli.md}). The top layer: it uses the whole library and nothing uses it.
 */
package io.gramian.estimation.cli;
