/**
 * The differential check of the rules themselves: every combination of representative facts, decided by the
 * streaming analyzer's compiled JavaScript and by the generated SQL on a real engine, must agree, row by row.
 */
import { decide } from '../../src/logs/analysis/classify.ts';
import {
  COVERAGE,
  LINK_SOURCE,
  VERDICT_FACTS,
  WINDOW_CONFIDENCE,
  WINDOW_MATCH,
  compileExpr,
  type CoverageFact,
  type Expr,
  type LinkFact,
  type Scalar,
  type VerdictFact,
  type VerdictFacts,
  type WindowFact,
} from '../../src/logs/index.ts';
import type { Engine } from '../../src/fleet/engine.ts';
import { ruleSql, sqlLiteral } from '../../src/fleet/rule-sql.ts';
import { factColumn } from '../../src/fleet/rows.ts';
import { verdictAliases } from '../../src/fleet/verdict-sql.ts';

/** Every combination of the values listed per name. */
function product<T extends Record<string, readonly unknown[]>>(choices: T): Array<{ [K in keyof T]: T[K][number] }> {
  let rows: Array<Record<string, unknown>> = [{}];
  for (const [name, values] of Object.entries(choices)) rows = rows.flatMap((row) => values.map((v) => ({ ...row, [name]: v })));
  return rows as Array<{ [K in keyof T]: T[K][number] }>;
}

const SIGNALS = [
  { hasSignal: false, signalCause: '', signalConfidence: '', signalDecisive: false, signalReason: '', signalKind: '', signalDetail: '' },
  { hasSignal: true, signalCause: 'app-error', signalConfidence: 'high', signalDecisive: true, signalReason: '', signalKind: 'upstream-fields', signalDetail: 'upstream_status=500' },
  { hasSignal: true, signalCause: 'client-closed', signalConfidence: 'high', signalDecisive: true, signalReason: '', signalKind: 'status-499', signalDetail: '499' },
  { hasSignal: true, signalCause: 'upstream-failed', signalConfidence: 'low', signalDecisive: false, signalReason: 'ambiguous-upstream-status', signalKind: 'upstream-fields', signalDetail: 'us="502" \\ \'x\'' },
  { hasSignal: true, signalCause: 'timeout', signalConfidence: 'medium', signalDecisive: true, signalReason: '', signalKind: 'haproxy-termination', signalDetail: 'sH--' },
] as const;
const ERRORS = [
  { hasError: false, errorPhase: '', errorCause: '', errorNamesRequest: false, errorMessage: '', errorAppMessage: '' },
  { hasError: true, errorPhase: 'header', errorCause: 'refused', errorNamesRequest: true, errorMessage: 'connect() failed (111: Connection refused)', errorAppMessage: '' },
  { hasError: true, errorPhase: 'header', errorCause: 'app-error', errorNamesRequest: false, errorMessage: 'FastCGI sent in stderr', errorAppMessage: 'PHP Fatal error: x' },
  { hasError: true, errorPhase: 'body', errorCause: 'reset', errorNamesRequest: true, errorMessage: 'upstream prematurely closed connection while reading upstream', errorAppMessage: '' },
] as const;
const APPS = [
  { hasApp: false, appError: false, appStatus: 0, appConfidence: '', appMessage: '' },
  { hasApp: true, appError: true, appStatus: 500, appConfidence: 'high', appMessage: 'TypeError: x' },
  { hasApp: true, appError: false, appStatus: 503, appConfidence: 'medium', appMessage: '' },
  { hasApp: true, appError: false, appStatus: 200, appConfidence: 'high', appMessage: '' },
  { hasApp: true, appError: false, appStatus: 0, appConfidence: 'low', appMessage: '' },
] as const;

export function verdictGrid(): VerdictFacts[] {
  return product({ status: [0, 9, 460, 499, 500, 502, 503, 504], signal: SIGNALS, error: ERRORS, app: APPS, coverage: ['none', 'outside', 'errors-only', 'covered'], errorCovered: [false, true] }).map(
    ({ status, signal, error, app, coverage, errorCovered }) => ({ status, ...signal, ...error, ...app, coverage, errorCovered }),
  );
}

const TYPES = { string: 'String', number: 'Int64', boolean: 'UInt8' } as const;

/** Rows where the SQL verdict differs from the JavaScript one (none when the rules agree). `plant` rebinds facts, to see a drift caught. */
export async function verdictMismatches(engine: Engine, table: string, plant: Partial<Record<VerdictFact, string>> = {}): Promise<string[]> {
  const facts = Object.keys(VERDICT_FACTS) as VerdictFact[];
  await engine.command(`DROP TABLE IF EXISTS ${table}`);
  await engine.command(`CREATE TABLE ${table} (id UInt32, ${facts.map((f) => `${factColumn(f)} ${TYPES[VERDICT_FACTS[f]]}`).join(', ')}) ENGINE = Memory`);
  const grid = verdictGrid();
  const json = grid.map((row, id) => JSON.stringify({ id, ...Object.fromEntries(facts.map((f) => [factColumn(f), typeof row[f] === 'boolean' ? Number(row[f]) : row[f]])) })).join('\n');
  await engine.insertNdjson(table, json);
  const bind = { ...(Object.fromEntries(facts.map((f) => [f, factColumn(f)])) as Record<VerdictFact, string>), ...plant };
  const rows = await engine.query(`WITH ${verdictAliases(bind).join(', ')} SELECT id, cause, confidence, reason, evidence_kinds, evidence_details, app_message_out FROM ${table} ORDER BY id`);
  const mismatches: string[] = [];
  if (rows.length !== grid.length) mismatches.push(`${rows.length} rows for ${grid.length} combinations`);
  for (const r of rows) {
    const expected = decide(grid[Number(r.id)] as VerdictFacts);
    const got = {
      cause: r.cause,
      confidence: r.confidence,
      reason: r.reason === '' ? null : r.reason,
      evidence: (r.evidence_kinds as string[]).map((kind, i) => ({ kind, detail: (r.evidence_details as string[])[i] })),
      appMessage: r.app_message_out,
    };
    if (JSON.stringify(got) !== JSON.stringify(expected)) mismatches.push(`${JSON.stringify(grid[Number(r.id)])}: SQL ${JSON.stringify(got)} JS ${JSON.stringify(expected)}`);
  }
  return mismatches;
}

const T0 = Date.UTC(2026, 4, 1, 10);

/** The coverage, link-choice and time-window rules over grids of facts, evaluated with literal facts (as a report binds them). */
export const EXPRESSION_GRIDS: Array<{ name: string; expr: Expr<string>; grid: Array<Record<string, Scalar>> }> = [
  {
    name: 'coverage',
    expr: COVERAGE as Expr<CoverageFact>,
    grid: product({
      idMatchedAnywhere: [true, false],
      hasRequestId: [true, false],
      time: [Number.NaN, T0],
      tzOffsetMin: [0, 420],
      appEvents: [0, 10],
      requestLines: [3, 10],
      pathLines: [0, 5],
      span: [[T0 - 5000, T0 + 5000], [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY], [T0 + 25_200_000 - 1000, T0 + 25_200_000 + 1000]],
      appTimesLocal: [true, false],
      windowMs: [2000],
      proxyRequests: [5, 30],
    }).map(({ span, ...rest }) => ({ ...rest, appFirst: span[0] as number, appLast: span[1] as number })),
  },
  { name: 'link source', expr: LINK_SOURCE as Expr<LinkFact>, grid: product({ idMatchedAnywhere: [true, false], hasRequestId: [true, false], idLinked: [true, false], windowLinked: [true, false] }) },
  {
    name: 'time window',
    expr: WINDOW_MATCH as Expr<WindowFact>,
    grid: product({ time: [Number.NaN, T0], tzOffsetMin: [0, -300], tookMs: [0, 17.000000000000004, 60_001], method: ['', 'GET'], eventTime: [T0 - 61_000, T0 - 2500, T0 + 1999, T0 + 2001, T0 - 18_000_000], eventLocal: [true, false], eventMethod: ['', 'GET', 'POST'], windowMs: [2000], candidates: [1] }),
  },
  { name: 'window confidence', expr: WINDOW_CONFIDENCE as Expr<WindowFact>, grid: product({ candidates: [1, 2, 7] }) },
];

/** Rows of `grid` where the SQL of `expr` differs from its JavaScript. */
export async function expressionMismatches(engine: Engine, expr: Expr<string>, grid: Array<Record<string, Scalar>>): Promise<string[]> {
  const js = compileExpr(expr);
  const mismatches: string[] = [];
  for (let start = 0; start < grid.length; start += 200) {
    const chunk = grid.slice(start, start + 200);
    const selects = chunk.map((facts, i) => {
      const bind = Object.fromEntries(Object.entries(facts).map(([k, v]) => [k, sqlLiteral(v)]));
      return `SELECT toUInt32(${start + i}) AS id, toString(${ruleSql(expr, bind)}) AS v`;
    });
    const rows = await engine.query(`SELECT id, v FROM (${selects.join(' UNION ALL ')}) ORDER BY id`);
    for (const r of rows) {
      const facts = grid[Number(r.id)] as Record<string, Scalar>;
      const expected = js(facts);
      const normal = typeof expected === 'boolean' ? (expected ? '1' : '0') : String(expected);
      if (r.v !== normal) mismatches.push(`${JSON.stringify(facts)}: SQL ${String(r.v)} JS ${normal}`);
    }
  }
  return mismatches;
}
