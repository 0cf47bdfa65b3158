/** The one shape of a command: what it declares to commander, and how it runs. */
import { Argument, Option } from 'commander';
import { HttpwhyError } from '../errors.ts';
import type { CommandContext } from './context.ts';

// Declarations take commander's classes from here: resolving the package once instead of from every
// declaration saves about 2 ms of start-up.
export { Argument, Option };

/**
 * A subcommand, declared once: commander builds its parsing and `--help` from `arguments` and `options`, then
 * calls `run` with the parsed arguments (in order, a variadic one as an array) and options.
 */
export interface CommandDeclaration<Args extends unknown[] = unknown[], Options extends object = object> {
  name: string;
  description: string;
  arguments: readonly Argument[];
  options: readonly Option[];
  /** Text `--help` prints after the options (the command's exit codes, when they say more than the global ones). */
  helpAfter?: string;
  /** The exit code: 0 ok, 1 a problem was found; bad input throws an `HttpwhyError` (exit 2). */
  run(args: Args, options: Options, ctx: CommandContext): number | Promise<number>;
}

/** Parser for an integer option with bounds; bad values are usage errors (exit 2). */
export function integer(flag: string, min: number, max: number): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!/^\d+$/.test(value) || n < min || n > max) throw new HttpwhyError('HW_ERR_CLI_USAGE', `${flag} must be an integer from ${min} to ${max}, got "${value}".`);
    return n;
  };
}
