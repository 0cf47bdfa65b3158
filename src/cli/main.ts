/** `run(argv, io)`: the plain `httpwhy <code>` without commander, everything else through it; errors become exit codes. */
import { isHttpwhyError, type HttpwhyError } from '../errors.ts';
import { createContext } from './context.ts';
import type { CliIo } from './io.ts';
import { parseExplainOnly } from './fast-path.ts';

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
      const ctx = createContext(io, simple);
      const { runExplain } = await import('./runners/explain.ts');
      return runExplain([simple.code], {}, ctx);
    }
    const [{ CommanderError }, { buildProgram }] = await Promise.all([import('commander'), import('./program.ts')]);
    let exit = 0;
    const program = buildProgram(io, (code) => {
      exit = code;
    });
    try {
      await program.parseAsync([...argv], { from: 'user' });
      return exit;
    } catch (error) {
      if (!(error instanceof CommanderError)) throw error;
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
