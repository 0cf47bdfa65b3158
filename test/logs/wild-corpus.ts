/**
 * The wild corpus (test/fixtures/logs/wild/, read its README.md) measured: every file of `corpus.tsv` analysed as
 * `httpwhy logs FILE` would (format detected), and compared with the row's hand count. wild-corpus.test.ts checks
 * each row; scripts/logs-accuracy.ts writes the table as docs/logs-accuracy.md.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { analyzeLogs, type LogReport } from '../../src/logs/index.ts';
import { isErrorFormat } from '../../src/logs/formats/index.ts';
import type { FormatId } from '../../src/logs/types.ts';
import { CHECKS, KNOWN_GAPS, type Check } from './wild-known-gaps.ts';

export { CHECKS, type Check };
import { WILD_FORMATS, WRITTEN_BY_APP } from './wild-formats.ts';
import { WITH_APP_LOG, WITH_ERROR_LOG } from './wild-pairs.ts';

export const WILD_DIR = new URL('../fixtures/logs/wild/', import.meta.url).pathname;
export const ACCURACY_DOC = new URL('../../docs/logs-accuracy.md', import.meta.url).pathname;

export type IssuerCounts = { app: number; proxy: number; unknown: number };

export interface CorpusRow {
  file: string;
  /** The corpus's format slug (WILD_FORMATS maps it to httpwhy ids). */
  format: string;
  wrapper: string;
  requests: number;
  /** `504:6,000:1`, or `-` for an error log that carries no status. */
  status5xx: string;
  fiveXx: IssuerCounts;
}


export interface Measured {
  row: CorpusRow;
  report: LogReport;
  /** The formats that read lines of the file, with how many: the one named for it first, then others (a mixed file). */
  read: Array<[format: string, lines: number]>;
  requests: number;
  fiveXx: IssuerCounts;
  passed: Record<Check, boolean>;
}

export function loadCorpus(dir = WILD_DIR): CorpusRow[] {
  const [header, ...lines] = readFileSync(join(dir, 'corpus.tsv'), 'utf8').trimEnd().split('\n');
  const columns = (header ?? '').split('\t');
  return lines.map((line) => {
    const cells = Object.fromEntries(line.split('\t').map((cell, i) => [columns[i], cell]));
    const count = (column: string): number => {
      const n = Number(cells[column]);
      if (!Number.isInteger(n)) throw new Error(`corpus.tsv: ${cells.file}: ${column} is "${cells[column]}", not a count`);
      return n;
    };
    return {
      file: cells.file as string,
      format: cells.format as string,
      wrapper: cells.wrapper as string,
      requests: count('requests'),
      status5xx: cells.status_5xx as string,
      fiveXx: { app: count('app_5xx'), proxy: count('proxy_5xx'), unknown: count('unknown_5xx') },
    };
  });
}

/** The 5xx and the no-response statuses (`000`: Envoy's 0, CloudFront's 000) by who issued them, as the corpus counts them. */
function fiveXxByClass(report: LogReport): IssuerCounts {
  const counts: IssuerCounts = { app: 0, proxy: 0, unknown: 0 };
  for (const cause of report.causes) {
    for (const [status, n] of Object.entries(cause.byStatus)) if (status.startsWith('5') || status === '000') counts[cause.class] += n;
  }
  return counts;
}

/** Error logs' lines are never requests: a file named for one holds its requests in another format's lines. */
const isErrorLog = (format: string): boolean => format !== '' && format !== 'none' && isErrorFormat(format as FormatId);

export async function measure(row: CorpusRow, dir = WILD_DIR): Promise<Measured> {
  const writtenBy = WRITTEN_BY_APP.has(row.format) ? 'app' : undefined;
  const errorLog = WITH_ERROR_LOG[row.file];
  const appLog = WITH_APP_LOG[row.file];
  const report = await analyzeLogs({
    files: errorLog === undefined ? [row.file] : [row.file, errorLog],
    ...(appLog === undefined ? {} : { appFiles: [appLog] }),
    cwd: dir,
    stdin: Readable.from([]),
    writtenBy,
  });
  const file = report.files[0];
  const others = Object.entries(file?.otherFormats ?? {});
  const own = (file?.parsed ?? 0) - others.reduce((sum, [, n]) => sum + n, 0);
  const read: Measured['read'] = [...(file?.format ? [[file.format, own] as [string, number]] : []), ...others];
  const requests = report.totals.requests;
  const fiveXx = fiveXxByClass(report);
  const expected = WILD_FORMATS[row.format] ?? [];
  return {
    row,
    report,
    read,
    requests,
    fiveXx,
    passed: {
      requests: requests === row.requests,
      // A mixed file (error and access lines on one stream) may be named for either of its formats; named for its
      // error lines, it is right when the expected access format read its requests.
      format:
        expected.includes(file?.format ?? '') ||
        (own > 0 && others.some(([f, n]) => expected.includes(f) && (n >= own || (isErrorLog(file?.format ?? '') && n === requests)))),
      classes: fiveXx.app === row.fiveXx.app && fiveXx.proxy === row.fiveXx.proxy && fiveXx.unknown === row.fiveXx.unknown,
    },
  };
}

/** `nginx-error`, or for a mixed file `combined (1) + nginx-error (1)`. */
export function formatsRead(m: Measured): string {
  if (m.read.length === 0) return 'none';
  return m.read.length === 1 ? (m.read[0] as [string, number])[0] : m.read.map(([f, n]) => `${f} (${n})`).join(' + ');
}

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const classes = (c: IssuerCounts): string => `${c.app} / ${c.proxy} / ${c.unknown}`;

/** docs/logs-accuracy.md. */
export function renderAccuracy(measured: Measured[]): string {
  const right = measured.filter((m) => CHECKS.every((c) => m.passed[c])).length;
  const rows = measured.map((m) => {
    const wrong = CHECKS.filter((c) => !m.passed[c]);
    const gap = KNOWN_GAPS[m.row.file];
    const mark = (check: Check): string => (m.passed[check] ? '' : ' ✗');
    const result = wrong.length === 0 ? 'right' : `wrong: ${wrong.join(', ')}`;
    return `| \`${m.row.file}\` | ${m.row.wrapper} | ${m.row.format} | ${formatsRead(m)}${mark('format')} | ${m.requests} / ${m.row.requests}${mark('requests')} | ${classes(m.fiveXx)}${mark('classes')} | ${classes(m.row.fiveXx)} | ${result} | ${gap ? cell(gap.reason) : ''} |`;
  });
  return `# httpwhy logs on published logs (the wild corpus)

<!-- Generated by \`node scripts/logs-accuracy.ts\`; do not edit by hand. test/logs/wild-corpus.test.ts fails when it is not current. -->

Each file of \`test/fixtures/logs/wild/\` (published logs, provenance in its \`corpus.tsv\` and README) analysed as
\`httpwhy logs FILE\` would, format detected, against the hand count in \`corpus.tsv\`; the access logs an application server
wrote itself (the formats \`WRITTEN_BY_APP\` of \`test/logs/wild-formats.ts\` lists) as a user who knows it would, with
\`--written-by app\`, and the rows whose hand count was made with the proxy's error log or the application's request
log beside them (\`test/logs/wild-pairs.ts\`) with that file too (the application's as \`--app\`). **${right} of ${measured.length}** files are read right.

- *Formats read*: the format httpwhy named for the file, then, for a mixed file, the other formats that read lines of
  it (lines read by each in brackets); right when the named one is an id \`test/logs/wild-formats.ts\` gives for the
  corpus's format, or one of those ids read as many lines as the named format did.
- *Requests*: access-log requests read (for app logs, the app's request lines), read / expected.
- *5xx*: the 5xx and no-response statuses (Envoy's \`0\`, CloudFront's \`000\`) by who issued them, app / proxy / unknown,
  as read and as expected. Error logs that log no status count none.
- *Known gap*: why the row is wrong today (\`test/logs/wild-known-gaps.ts\`); the test expects exactly these rows to fail.

| File | Wrapper | Corpus format | Formats read | Requests read / expected | 5xx read | 5xx expected | Result | Known gap |
|---|---|---|---|---|---|---|---|---|
${rows.join('\n')}
`;
}
