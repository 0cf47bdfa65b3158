/** The commander program: the global options, the explain command at the root, one subcommand per declaration. */
import { readFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import type { CommandDeclaration } from './command.ts';
import { buildCommand } from './commands/build.ts';
import { checkCommand } from './commands/check.ts';
import { clickhouseCommand } from './commands/clickhouse.ts';
import { compareCommand } from './commands/compare.ts';
import { diagnoseCommand } from './commands/diagnose.ts';
import { explainCommand } from './commands/explain.ts';
import { labCommand } from './commands/lab.ts';
import { listCommand } from './commands/list.ts';
import { logsCommand } from './commands/logs.ts';
import { metricsCommand } from './commands/metrics.ts';
import { searchCommand } from './commands/search.ts';
import { serveCommand } from './commands/serve.ts';
import { createContext, type GlobalOptions } from './context.ts';
import type { CliIo } from './io.ts';

/** In the order `--help` lists them. */
const SUBCOMMANDS: readonly CommandDeclaration[] = [
  compareCommand,
  listCommand,
  searchCommand,
  diagnoseCommand,
  logsCommand,
  metricsCommand,
  clickhouseCommand,
  checkCommand,
  buildCommand,
  labCommand,
  serveCommand,
];

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

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

/** Adds the declaration's arguments and options to `cmd`; returns the action that runs it with what commander parsed. */
function wire(cmd: Command, declaration: CommandDeclaration, io: CliIo, setExit: (code: number) => void): () => Promise<void> {
  for (const argument of declaration.arguments) cmd.addArgument(argument);
  for (const option of declaration.options) cmd.addOption(option);
  return async () => {
    const ctx = createContext(io, cmd.optsWithGlobals<GlobalOptions>());
    setExit(await declaration.run(cmd.processedArgs, cmd.opts(), ctx));
  };
}

export function buildProgram(io: CliIo, setExit: (code: number) => void): Command {
  const program = new Command(explainCommand.name)
    .description(explainCommand.description)
    .version(version(), '-v, --version')
    .addOption(new Option('--lang <lang>', 'language of the output: en or id (default: $HTTPWHY_LANG or en)'))
    .addOption(new Option('--json', 'print JSON only on stdout'))
    .addOption(new Option('--no-color', 'never use colour'))
    .addHelpText('after', EXIT_HELP)
    .showSuggestionAfterError()
    .exitOverride()
    .configureOutput({
      writeOut: (s) => void io.stdout.write(s),
      writeErr: (s) => void io.stderr.write(s),
    });
  const explain = wire(program, explainCommand, io, setExit);
  program.action(async (code: string | undefined) => (code === undefined ? program.outputHelp() : explain()));
  for (const declaration of SUBCOMMANDS) {
    const cmd = program.command(declaration.name).description(declaration.description);
    if (declaration.helpAfter !== undefined) cmd.addHelpText('after', declaration.helpAfter);
    cmd.action(wire(cmd, declaration, io, setExit));
  }
  return program;
}
