/**
 * `httpwhy 502` is the command people run most, often in a loop or a shell prompt. Loading commander costs
 * about a quarter of the start-up time, so argv that is only a code plus the simple global flags is
 * recognised here and answered without it. Anything else goes through commander.
 */

export interface ExplainArgs {
  code: string;
  json: boolean;
  color: boolean;
  lang: string | undefined;
}

const CODE = /^\d{1,4}(\.\d{1,3})?$|^[a-z]+$/i;

export function parseExplainOnly(argv: readonly string[]): ExplainArgs | undefined {
  const args: ExplainArgs = { code: '', json: false, color: true, lang: undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--json') args.json = true;
    else if (arg === '--no-color') args.color = false;
    else if (arg === '--lang' && i + 1 < argv.length) args.lang = argv[++i];
    else if (arg.startsWith('--lang=')) args.lang = arg.slice('--lang='.length);
    else if (!arg.startsWith('-') && args.code === '' && /^\d/.test(arg) && CODE.test(arg)) args.code = arg;
    else return undefined;
  }
  return args.code === '' ? undefined : args;
}
