/**
 * @module cli
 * The `httpwhy` command line, callable in-process: `run(argv, io)` returns the exit code.
 */
export { run } from './main.ts';
export type { CliIo, OutputStream } from './io.ts';
