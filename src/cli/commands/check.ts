/** `httpwhy check URL...`. */
import { Argument, integer, Option, type CommandDeclaration } from '../command.ts';

export interface CheckOptions {
  file?: string;
  csv?: boolean;
  allowPrivate?: boolean;
  concurrency?: number;
  perHost?: number;
  /** Seconds per URL, redirects included. */
  timeout?: number;
  /** Retries of a 429/503 that carries Retry-After. */
  retries?: number;
  /** `--no-progress` sets it to false. */
  progress?: boolean;
}

export const checkCommand: CommandDeclaration<[urls: string[]], CheckOptions> = {
  name: 'check',
  description: 'check URLs: redirect chain, timings, TLS, network failures and the diagnosis (SSRF-safe unless --allow-private)',
  arguments: [new Argument('[urls...]', 'URLs to check; - or none reads stdin, one per line')],
  options: [
    new Option('--file <list>', 'file with one URL per line (# comments and blank lines skipped)'),
    new Option('--csv', 'CSV output'),
    new Option('--allow-private', 'operator mode: allow private, loopback and link-local addresses and any port'),
    new Option('-c, --concurrency <n>', 'checks at once (default 16)').argParser(integer('--concurrency', 1, 256)),
    new Option('--per-host <n>', 'checks at once per host (default 4)').argParser(integer('--per-host', 1, 256)),
    new Option('--timeout <seconds>', 'time allowed per URL, redirects included (default 30)').argParser(integer('--timeout', 1, 600)),
    new Option('--retries <n>', 'retries of a 429/503 with Retry-After, waiting at most 30 s (default 1)').argParser(integer('--retries', 0, 5)),
    new Option('--no-progress', 'no progress bar on stderr'),
  ],
  run: (args, options, ctx) => import('../runners/check.ts').then((runner) => runner.runCheck(args, options, ctx)),
};
