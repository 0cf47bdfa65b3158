/**
 * @module cli
 * The `httpwhy` command line, callable in-process: `run(argv, io)` (`main.ts`) returns the exit code (0 ok,
 * 1 a problem was found, 2 bad input), so tests call it directly and the bin only sets `process.exitCode`.
 *
 * Commands. Each one is a `CommandDeclaration` (`command.ts`) in `commands/<name>.ts`: its name, description,
 * arguments and options, written once with commander's `Argument` and `Option` (parsers and choices
 * included: `--help` and parsing both come from there), and `run(args, options, ctx)`, which returns the exit
 * code. `args` are the parsed arguments in order (a variadic one as an array); `ctx` is the `CommandContext`
 * (`context.ts`) every command shares: io, output, language, --json and width, decided once from the global
 * options. `program.ts` builds the commander program from the list of declarations.
 *
 * Start-up time. A declaration imports only commander, types and the codes vocabulary its choices need; its
 * `run` imports the runner, `runners/<name>.ts`, with the same signature, only when that command is chosen,
 * so `httpwhy list` does not load the web site or the log analyzer. The runner holds the work, and the checks
 * of option values that no option parser makes (ports, `--window`, `--fail-on`, `--json` with `--csv`).
 * `httpwhy 502` skips commander altogether: `fast-path.ts` recognises it and `main.ts` calls the explain
 * runner directly.
 */
export { run } from './main.ts';
export type { CliIo, OutputStream } from './io.ts';
