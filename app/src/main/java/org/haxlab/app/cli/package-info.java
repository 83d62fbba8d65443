/**
 * The headless command-line interface ({@code haxlab <command>}), one class per command:
 * {@link org.haxlab.app.cli.GenerateCommand} prints task sequences, {@link org.haxlab.app.cli.CheckCommand}
 * validates a typed one, and train, eval, inspect, table and engine run models. Commands write to the command
 * line's out/err writers so tests can capture them.
 *
 * <p>Shared pieces: {@link org.haxlab.app.cli.ModelOptions} and {@link org.haxlab.app.cli.GridOptions} (picocli
 * mixins), {@link org.haxlab.app.cli.Converters} (typed values whose errors list the accepted ones, the one
 * {@code --device} type), {@link org.haxlab.app.cli.Limits} (sizes bounded by this machine's memory),
 * {@link org.haxlab.app.cli.OutputPaths} and {@link org.haxlab.app.cli.SequenceInput} (paths and input checked
 * before work starts), and {@link org.haxlab.app.cli.CliErrors}, the one error policy: usage errors exit 2 with
 * the valid range, anything unexpected exits 1 in one line, the stack trace only under {@code --debug}.
 */
package org.haxlab.app.cli;
