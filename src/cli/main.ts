/**
 * The CLI as a function: `run(argv, io)` returns the exit code (0 ok, 1 problem found, 2 bad input), so tests
 * call it in-process and the bin only sets `process.exitCode`. Commands load lazily to keep `httpwhy 502` fast.
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { parseLocale, STANDINGS, VENDORS, ISSUERS } from '../codes/index.ts';
import { HttpwhyError, isHttpwhyError } from '../errors.ts';
import type { CommandContext } from './context.ts';
import type { LabCliOptions } from './commands/lab.ts';
import type { CliIo } from './io.ts';
import { parseExplainOnly } from './fast-path.ts';
import { createOutput, decideColor, terminalWidth } from './output.ts';

const EXIT_HELP = `
Exit codes: 0 ok · 1 a problem was found (e.g. unknown issuer, no match) · 2 bad input (unknown code, bad flag, unreadable file)

Examples:
  httpwhy 502                     explain a status code (every meaning of it)
  httpwhy 502 --lang id           in Indonesian
  httpwhy compare 500 502         side by side, with the key differences
  httpwhy list --class 5xx --vendor nginx
  httpwhy search "gatway timout"  typos and Indonesian words welcome
  httpwhy diagnose response.txt   which component issued this response?
`;

/** Parser for an integer option with bounds; bad values are usage errors (exit 2). */
function integer(flag: string, min: number, max: number): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!/^\d+$/.test(value) || n < min || n > max) throw new HttpwhyError('HW_ERR_CLI_USAGE', `${flag} must be an integer from ${min} to ${max}, got "${value}".`);
    return n;
  };
}

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

interface GlobalOptions {
  lang?: string;
  json?: boolean;
  color: boolean;
}

function contextFor(cmd: Command, io: CliIo): CommandContext {
  const opts = cmd.optsWithGlobals<GlobalOptions>();
  const json = opts.json === true;
  const locale = parseLocale(opts.lang ?? io.env.HTTPWHY_LANG);
  const out = createOutput(io, !json && decideColor(io, opts.color));
  return { io, out, locale, json, width: terminalWidth(io) };
}


type Commander = typeof import('commander');

function buildProgram({ Command, Option }: Commander, io: CliIo, setExit: (code: number) => void): Command {
  const program = new Command('httpwhy');
  program
    .description('Which component failed, and why? HTTP status codes explained, compared and diagnosed.')
    .version(version(), '-v, --version')
    .option('--lang <lang>', 'language of the output: en or id (default: $HTTPWHY_LANG or en)')
    .option('--json', 'print JSON only on stdout')
    .option('--no-color', 'never use colour')
    .argument('[code]', 'a status code to explain, e.g. 502, 499, 502.3')
    .addHelpText('after', EXIT_HELP)
    .showSuggestionAfterError()
    .exitOverride()
    .configureOutput({
      writeOut: (s) => void io.stdout.write(s),
      writeErr: (s) => void io.stderr.write(s),
    })
    .action(async (code: string | undefined, _opts, cmd: Command) => {
      if (code === undefined) {
        program.outputHelp();
        return;
      }
      const { runExplain } = await import('./commands/explain.ts');
      setExit(runExplain(code, contextFor(cmd, io)));
    });

  program
    .command('compare')
    .description('compare two codes side by side (ids such as 499-nginx work too)')
    .argument('<a>', 'first code')
    .argument('<b>', 'second code')
    .action(async (a: string, b: string, _opts, cmd: Command) => {
      const { runCompare } = await import('./commands/compare.ts');
      setExit(runCompare(a, b, contextFor(cmd, io)));
    });

  program
    .command('list')
    .description('list codes, optionally filtered')
    .addOption(new Option('--class <class>', 'status class').choices(['1xx', '2xx', '3xx', '4xx', '5xx', 'other']))
    .addOption(new Option('--vendor <vendor>', 'vendor, or "none" for registry codes').choices([...VENDORS, 'none']))
    .addOption(new Option('--standing <standing>', 'standing').choices([...STANDINGS]))
    .addOption(new Option('--issuer <issuer>', 'component that issues it').choices([...ISSUERS]))
    .action(async (opts: Record<string, string | undefined>, cmd: Command) => {
      const { runList } = await import('./commands/list.ts');
      setExit(runList(opts, contextFor(cmd, io)));
    });

  program
    .command('search')
    .description('search codes by number, reason phrase or words (English or Indonesian, typos tolerated)')
    .argument('<query...>', 'what to look for')
    .addOption(new Option('--limit <n>', 'maximum results').default(10).argParser(integer('--limit', 1, 200)))
    .action(async (query: string[], opts: { limit: number }, cmd: Command) => {
      const { runSearch } = await import('./commands/search.ts');
      setExit(runSearch(query.join(' '), opts.limit, contextFor(cmd, io)));
    });

  program
    .command('diagnose')
    .description('which component issued this response, and why? (raw HTTP, curl -i / -v output, HAR, JSON; - for stdin)')
    .argument('[files...]', 'files to read (default: stdin)')
    .action(async (files: string[], _opts, cmd: Command) => {
      const ctx = contextFor(cmd, io);
      const { runDiagnose } = await import('./commands/diagnose.ts');
      setExit(await runDiagnose(files, { json: ctx.json, lang: ctx.locale, color: ctx.out.color }, io));
    });

  program
    .command('logs')
    .description('classify every 5xx, 499 and 009 in proxy logs as app-issued or proxy-issued, and why')
    .argument('<files...>', 'proxy or web-server logs; - for stdin; .gz is read directly')
    .option('--app <files...>', 'application logs to join (JSON lines or text with request ids)')
    .option('--format <format>', 'format of FILES (combined, nginx-error, haproxy, alb, envoy, caddy, traefik-json, ... or an nginx log_format string); detected when absent')
    .option('--app-format <format>', 'app-json or app-text (detected when absent)')
    .option('--request-id-field <field>', 'JSON app logs: field with the request id, dots for nesting')
    .option('--message-field <field>', 'JSON app logs: field with the message')
    .option('--id-pattern <regex>', 'text app logs: regex whose first group is the request id')
    .option('--tz <zone>', "zone of times logged without one (HAProxy; app logs): IANA name or ±HH:MM (default: this machine's)")
    .option('--window <seconds>', 'time window for joining by time and path (default 2)')
    .option('--top <n>', 'rows in top tables (default 5)')
    .option('--html <file>', 'also write a self-contained HTML report')
    .option('--fail-on <expr>', 'exit 1 when a threshold is crossed, e.g. "proxy-issued>0" or "5xx-rate>1%" (comma-separated; counts: requests, 5xx, proxy-issued, app-issued, unknown, skipped; in % of requests: 5xx-rate, proxy-issued-rate, app-issued-rate, unknown-rate)')
    .option('-f, --follow', 'keep reading growing files and stdin, refreshing the summary (Ctrl-C to stop)')
    .option('--no-progress', 'no progress bar on stderr')
    .addHelpText('after', '\nExit codes: 0 ok · 1 a --fail-on threshold crossed, or no request read from any file (the report says why) · 2 bad input (unreadable file, unknown --format or one that reads no line of a file, bad option)')
    .action(async (files: string[], opts: Record<string, unknown>, cmd: Command) => {
      const ctx = contextFor(cmd, io);
      const { runLogs } = await import('./commands/logs.ts');
      setExit(await runLogs(files, { ...opts, json: ctx.json, lang: ctx.locale }, io));
    });

  program
    .command('check')
    .description('check URLs: redirect chain, timings, TLS, network failures and the diagnosis (SSRF-safe unless --allow-private)')
    .argument('[urls...]', 'URLs to check; - or none reads stdin, one per line')
    .option('--file <list>', 'file with one URL per line (# comments and blank lines skipped)')
    .option('--csv', 'CSV output')
    .option('--allow-private', 'operator mode: allow private, loopback and link-local addresses and any port')
    .addOption(new Option('-c, --concurrency <n>', 'checks at once (default 16)').argParser(integer('--concurrency', 1, 256)))
    .addOption(new Option('--per-host <n>', 'checks at once per host (default 4)').argParser(integer('--per-host', 1, 256)))
    .addOption(new Option('--timeout <seconds>', 'time allowed per URL, redirects included (default 30)').argParser(integer('--timeout', 1, 600)))
    .addOption(new Option('--retries <n>', 'retries of a 429/503 with Retry-After, waiting at most 30 s (default 1)').argParser(integer('--retries', 0, 5)))
    .option('--no-progress', 'no progress bar on stderr')
    .action(async (urls: string[], opts: { file?: string; csv?: boolean; allowPrivate?: boolean; concurrency?: number; perHost?: number; timeout?: number; retries?: number; progress: boolean }, cmd: Command) => {
      const ctx = contextFor(cmd, io);
      const { runCheck } = await import('./commands/check.ts');
      setExit(await runCheck(urls, { ...opts, json: ctx.json, lang: ctx.locale, color: cmd.optsWithGlobals<GlobalOptions>().color }, io));
    });

  program
    .command('build')
    .description('write the whole site, both languages, as static files (with the read-only API as JSON files)')
    .requiredOption('-o, --out <dir>', 'output directory (empty, or a previous export)')
    .option('--site-url <url>', 'absolute origin for canonical links and the sitemap (default: $HTTPWHY_SITE_URL or http://localhost:3000)')
    .action(async (opts: { out: string; siteUrl?: string }) => {
      const { runBuild } = await import('./commands/build.ts');
      setExit(await runBuild({ out: opts.out, siteUrl: opts.siteUrl }, io));
    });

  program
    .command('lab')
    .description('run the failure lab on 127.0.0.1: site and playground, faulty upstreams, a gateway in front (Ctrl-C stops all)')
    .option('-p, --port <port>', 'site and playground port (default 3000)')
    .option('--gateway-port <port>', 'gateway port (default 8080)')
    .option('--via <proxy>', 'also run nginx, haproxy or caddy in front of the same faulty upstreams')
    .option('--proxy-binary <path>', 'path of the --via proxy executable (default: where Debian installs it)')
    .action(async (opts: LabCliOptions) => {
      const { runLab } = await import('./commands/lab.ts');
      setExit(await runLab(opts, io));
    });

  program
    .command('serve')
    .description('serve the web site and JSON API (default http://localhost:3000)')
    .option('-p, --port <port>', 'port (default: $PORT or 3000)')
    .option('--host <host>', 'interface (default: $HOST or localhost)')
    .action(async (opts: { port?: string; host?: string }) => {
      const { runServe } = await import('./commands/serve.ts');
      setExit(await runServe(opts, io));
    });

  return program;
}

function report(error: HttpwhyError, io: CliIo, json: boolean): number {
  if (json) io.stdout.write(`${JSON.stringify({ error: error.toJSON() }, null, 2)}\n`);
  io.stderr.write(`httpwhy: ${error.message}\n`);
  return error.exitCode;
}

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const json = argv.includes('--json');
  try {
    const simple = parseExplainOnly(argv);
    if (simple) {
      const locale = parseLocale(simple.lang ?? io.env.HTTPWHY_LANG);
      const out = createOutput(io, !simple.json && decideColor(io, simple.color));
      const { runExplain } = await import('./commands/explain.ts');
      return runExplain(simple.code, { io, out, locale, json: simple.json, width: terminalWidth(io) });
    }
    const commander = await import('commander');
    let exit = 0;
    const program = buildProgram(commander, io, (code) => {
      exit = code;
    });
    try {
      await program.parseAsync([...argv], { from: 'user' });
      return exit;
    } catch (error) {
      if (!(error instanceof commander.CommanderError)) throw error;
      if (error.exitCode === 0) return 0;
      // Commander already printed its message; usage errors exit 2 (commander's own default is 1).
      if (json) io.stdout.write(`${JSON.stringify({ error: { code: 'HW_ERR_CLI_USAGE', message: error.message.replace(/^error: /, '') } }, null, 2)}\n`);
      return 2;
    }
  } catch (error) {
    if (isHttpwhyError(error)) return report(error, io, json);
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`httpwhy: internal error: ${message}\n`);
    if (io.env.HTTPWHY_DEBUG && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
    return 1;
  }
}
