/**
 * The parts of a fleet report outside the verdicts: the inputs (per host and file), the error-log events no entry
 * claimed, and the bodies cut short behind a 2xx or 3xx.
 */
import type { Confidence } from '../confidence.ts';
import { MAX_EXAMPLES, UNLINKED_EXAMPLES, type Cause, type EvidenceKind, type Example, type FileReport, type FileRole, type FormatId, type LogReport } from '../logs/index.ts';
import { rowsWhere, type Scope, type Target } from './classify-sql.ts';
import { num, str, type Row } from './engine.ts';
import type { RunQuery } from './globals.ts';
import type { RowKind } from './rows.ts';

const ROLES: Record<RowKind, FileRole> = { request: 'access', 'upstream-error': 'error', app: 'app' };

/** Of two `(host, file, line)` tuples (as JSON arrays), the one read first. */
export function firstOf(a: unknown, b: unknown): unknown {
  const [ah = '', af = '', al = 0] = a as [string, string, number | string];
  const [bh = '', bf = '', bl = 0] = b as [string, string, number | string];
  if (ah !== bh) return ah < bh ? a : b;
  if (af !== bf) return af < bf ? a : b;
  return num(al) <= num(bl) ? a : b;
}

/** A classified entry's row as the report's Example; its file is `host:file`. */
export function exampleOf(r: Row): Example {
  const kinds = (r.evidence_kinds as string[] | undefined) ?? [];
  const details = (r.evidence_details as string[] | undefined) ?? [];
  const stack = (r.app_stack_out as string[] | undefined) ?? [];
  const time = num(r.time_ms);
  return {
    time: time === 0 ? '' : new Date(time).toISOString(),
    status: num(r.status),
    method: str(r.method),
    path: str(r.path),
    client: str(r.client),
    requestId: str(r.request_id),
    upstream: str(r.upstream),
    file: `${str(r.host)}:${str(r.file)}`,
    line: num(r.line),
    confidence: str(r.confidence) as Confidence,
    evidence: kinds.map((kind, i) => ({ kind: kind as EvidenceKind, detail: details[i] ?? '' })),
    appMessage: str(r.app_message_out),
    appStack: stack.length > 0 ? { lines: stack, omitted: num(r.app_stack_omitted_out) } : null,
  };
}

/** The key with the largest count (the smallest key among equals). */
function most(counts: Map<string, number>): string {
  return [...counts].toSorted((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? '';
}

/** One file report per host and file: its rows by kind and format (what the rows say; lines not emitted are not known here). */
export async function filesOf(run: RunQuery, t: Target, scope: Scope, noRequests: boolean): Promise<FileReport[]> {
  const rows = await run('files', `SELECT host, file, kind, format, count() AS n FROM ${t.rows} WHERE ${rowsWhere(null, scope)} GROUP BY host, file, kind, format ORDER BY host, file`);
  const byFile = new Map<string, Row[]>();
  for (const r of rows) {
    const name = `${str(r.host)}:${str(r.file)}`;
    byFile.set(name, [...(byFile.get(name) ?? []), r]);
  }
  return [...byFile].map(([name, parts]) => {
    const count = (pick: (r: Row) => string): Map<string, number> => {
      const m = new Map<string, number>();
      for (const r of parts) m.set(pick(r), (m.get(pick(r)) ?? 0) + num(r.n));
      return m;
    };
    const formats = count((r) => str(r.format));
    const format = most(formats) as FormatId;
    const lines = parts.reduce((sum, r) => sum + num(r.n), 0);
    return {
      name,
      format,
      logFormat: null,
      role: ROLES[most(count((r) => str(r.kind))) as RowKind] ?? null,
      detected: true,
      sample: null,
      gzip: false,
      document: false,
      lines,
      parsed: lines,
      continued: 0,
      rejoined: 0,
      skipped: 0,
      skippedBy: {},
      otherFormats: Object.fromEntries([...formats].filter(([f]) => f !== format)) as FileReport['otherFormats'],
      invalidUtf8: { count: 0, examples: [] },
      error: null,
      // Rows keep the lines, not the wrappers they arrived in (docker, CRI, syslog): unknown here, shown as none.
      wrappers: [],
      ...(noRequests ? { warning: 'no-requests' as const, firstLines: [] } : {}),
    };
  });
}

/** `NOT IN` over the Distributed table needs GLOBAL: the events and their entries may sit on different shards. */
function notLinked(t: Target, scope: Scope): string {
  return `(host, file, line) ${t.rows === t.local ? '' : 'GLOBAL '}NOT IN (SELECT host, error_file, error_line FROM ${t.rows} WHERE ${rowsWhere('request', scope, 'has_error = 1')})`;
}

export async function errorLog(run: RunQuery, t: Target, scope: Scope, linked: number): Promise<LogReport['errorLog']> {
  const [e = {}] = await run('error-log events', `SELECT count() AS n FROM ${t.rows} WHERE ${rowsWhere('upstream-error', scope)}`);
  const events = num(e.n);
  if (events === linked) return { events, linked, dropped: 0, unlinked: [] };
  const where = rowsWhere('upstream-error', scope, notLinked(t, scope));
  const groups = await run('unlinked error-log events', `SELECT error_cause AS cause, count() AS n, min((host, file, line)) AS first FROM ${t.rows} WHERE ${where} GROUP BY cause`);
  const examples = await run('their examples', `SELECT error_cause AS cause, host, file, line, error_message FROM ${t.rows} WHERE ${where} ORDER BY cause, host, file, line LIMIT ${UNLINKED_EXAMPLES} BY cause`);
  const unlinked = groups
    .toSorted((a, b) => num(b.n) - num(a.n) || (firstOf(a.first, b.first) === a.first ? -1 : 1))
    .map((g) => ({
      cause: str(g.cause) as Cause,
      count: num(g.n),
      examples: examples.filter((x) => x.cause === g.cause).map((x) => ({ file: `${str(x.host)}:${str(x.file)}`, line: num(x.line), message: str(x.error_message) })),
    }));
  return { events, linked, dropped: 0, unlinked };
}

export async function truncatedOf(run: RunQuery, t: Target, scope: Scope, count: number): Promise<{ count: number; examples: Example[] }> {
  if (count === 0) return { count, examples: [] };
  const rows = await run(
    'truncated bodies',
    `SELECT host, file, line, time_ms, status, method, path, client, request_id, upstream, truncated_kind, truncated_detail FROM ${t.rows} WHERE ${rowsWhere('request', scope, "truncated_kind != ''")} ORDER BY host, file, line LIMIT ${MAX_EXAMPLES}`,
  );
  return {
    count,
    examples: rows.map((r) => ({ ...exampleOf(r), confidence: 'high' as const, evidence: [{ kind: str(r.truncated_kind) as EvidenceKind, detail: str(r.truncated_detail) }] })),
  };
}
