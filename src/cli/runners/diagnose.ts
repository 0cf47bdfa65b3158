/**
 * `httpwhy diagnose FILE...` (`-`, or no file, reads stdin): which component issued each response, and why.
 * Exit 0 when every failing response was diagnosed, 1 when an issuer is unknown, 2 when an input cannot be read.
 * With --json, stdout holds JSON only: one file gives its report (or `{"error": {code, message}}`),
 * several files give an array of `{file, ...report}` / `{file, error}`.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { diagnose, renderDiagnosisText, type DiagnosisReport } from '../../diagnose/index.ts';
import { HttpwhyError, isHttpwhyError } from '../../errors.ts';
import type { CommandContext } from '../context.ts';
import type { CliIo } from '../io.ts';
import { textStyle } from '../output.ts';
import type { Locale } from '../../i18n/index.ts';

type Outcome = { file: string; report: DiagnosisReport } | { file: string; error: HttpwhyError };

async function readStdin(io: CliIo): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of io.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

async function readInput(file: string, io: CliIo): Promise<string> {
  if (file === '-') return readStdin(io);
  try {
    return await readFile(resolve(io.cwd, file), 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new HttpwhyError('HW_ERR_FILE_UNREADABLE', `The file cannot be read (${reason}).`, { file });
  }
}

async function diagnoseFile(file: string, locale: Locale, io: CliIo): Promise<Outcome> {
  try {
    return { file, report: diagnose(await readInput(file, io), { locale }) };
  } catch (error) {
    if (isHttpwhyError(error)) return { file, error };
    throw error;
  }
}

function exitCode(outcomes: readonly Outcome[]): number {
  if (outcomes.some((o) => 'error' in o)) return 2;
  return outcomes.some((o) => 'report' in o && o.report.diagnoses.some((d) => d.verdict === 'unknown')) ? 1 : 0;
}

function toJson(outcome: Outcome, withFile: boolean): unknown {
  const body = 'error' in outcome ? { error: outcome.error.toJSON() } : outcome.report;
  return withFile ? { file: outcome.file, ...body } : body;
}

export async function runDiagnose([files]: [files: string[]], _options: object, ctx: CommandContext): Promise<number> {
  const { io } = ctx;
  const outcomes: Outcome[] = [];
  for (const file of files.length === 0 ? ['-'] : files) outcomes.push(await diagnoseFile(file, ctx.locale, io));
  for (const outcome of outcomes) {
    if ('error' in outcome) io.stderr.write(`httpwhy: ${outcome.file === '-' ? 'stdin' : outcome.file}: ${outcome.error.message}\n`);
  }
  if (ctx.json) {
    const value = outcomes.length === 1 && outcomes[0] ? toJson(outcomes[0], false) : outcomes.map((o) => toJson(o, true));
    io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
    return exitCode(outcomes);
  }
  const style = textStyle(ctx.out, ctx.width);
  const blocks = outcomes.flatMap((o) => ('report' in o ? [outcomes.length > 1 ? `${style.bold(`== ${o.file} ==`)}\n${renderDiagnosisText(o.report, style)}` : renderDiagnosisText(o.report, style)] : []));
  if (blocks.length > 0) io.stdout.write(blocks.join('\n'));
  return exitCode(outcomes);
}
