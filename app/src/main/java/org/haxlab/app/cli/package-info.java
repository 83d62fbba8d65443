/**
 * The headless command-line interface ({@code haxlab <command>}), one class per command:
 * {@link org.haxlab.app.cli.GenerateCommand} prints task sequences, {@link org.haxlab.app.cli.CheckCommand}
 * validates a typed one. Commands write to the command line's out/err writers so tests can capture them.
 */
package org.haxlab.app.cli;
