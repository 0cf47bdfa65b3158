/**
 * `--fail-on` for CI: thresholds on the report, such as `proxy-issued>0` or `5xx-rate>1%`, several separated
 * by commas. Counts are whole numbers; rates are percentages of all requests and are written with `%`.
 */
import { HttpwhyError } from '../../errors.ts';
import type { LogReport } from './report.ts';

const COUNTS = {
  requests: (r: LogReport) => r.totals.requests,
  '5xx': (r: LogReport) => fiveHundreds(r),
  'proxy-issued': (r: LogReport) => r.classes.proxy,
  'app-issued': (r: LogReport) => r.classes.app,
  unknown: (r: LogReport) => r.classes.unknown,
  skipped: (r: LogReport) => r.totals.skipped,
} as const;
type CountMetric = keyof typeof COUNTS;
const RATES: Record<string, CountMetric> = { '5xx-rate': '5xx', 'proxy-issued-rate': 'proxy-issued', 'app-issued-rate': 'app-issued', 'unknown-rate': 'unknown' };
const FAIL_ON_METRICS: readonly string[] = [...Object.keys(COUNTS), ...Object.keys(RATES)];

const OPERATORS = {
  '>': (a: number, b: number) => a > b,
  '>=': (a: number, b: number) => a >= b,
  '<': (a: number, b: number) => a < b,
  '<=': (a: number, b: number) => a <= b,
  '=': (a: number, b: number) => a === b,
} as const;
type Operator = keyof typeof OPERATORS;

const EXPRESSION = /^([a-z0-9-]+)\s*(>=|<=|>|<|=)\s*(\d+(?:\.\d+)?)(%?)$/;

export interface Threshold {
  /** The expression as written, e.g. `5xx-rate>1%`. */
  text: string;
  metric: string;
  /** A percentage of all requests (`…-rate`), else a count. */
  rate: boolean;
  operator: Operator;
  /** A count, or a percentage for rates. */
  value: number;
}

export interface Crossed {
  threshold: Threshold;
  /** The report's value: a count, or a percentage rounded to 0.01 for rates. */
  actual: number;
}

function fiveHundreds(report: LogReport): number {
  return Object.entries(report.totals.byStatus).reduce((sum, [status, n]) => sum + (status.startsWith('5') ? n : 0), 0);
}

function bad(text: string, why: string): HttpwhyError {
  return new HttpwhyError('HW_ERR_LOGS_BAD_OPTION', `--fail-on "${text}": ${why}. Example: --fail-on "proxy-issued>0,5xx-rate>1%".`, { failOn: text });
}

function parseOne(text: string): Threshold {
  const m = EXPRESSION.exec(text);
  if (!m) throw bad(text, 'expected <measure><operator><number>, with > >= < <= or =');
  const [, metric = '', operator = '>', number = '', percent] = m;
  const isRate = metric in RATES;
  if (!isRate && !(metric in COUNTS)) throw bad(text, `unknown measure "${metric}"; use one of ${FAIL_ON_METRICS.join(', ')}`);
  const value = Number(number);
  if (isRate && percent !== '%') throw bad(text, `${metric} is a percentage: write it with %, e.g. ${metric}>${number}%`);
  if (isRate && value > 100) throw bad(text, 'a percentage cannot exceed 100%');
  if (!isRate && (percent === '%' || !Number.isInteger(value))) throw bad(text, `${metric} is a count: write a whole number without %`);
  return { text, metric, rate: isRate, operator: operator as Operator, value };
}

/** Parses `--fail-on`; throws HW_ERR_LOGS_BAD_OPTION (exit 2) for anything malformed. */
export function parseFailOn(value: string): Threshold[] {
  const parts = value.split(',').map((p) => p.trim());
  if (parts.some((p) => p === '')) throw bad(value, 'an empty expression');
  return parts.map(parseOne);
}

/** The thresholds the report crosses. */
export function crossedThresholds(report: LogReport, thresholds: readonly Threshold[]): Crossed[] {
  const crossed: Crossed[] = [];
  for (const threshold of thresholds) {
    const count = COUNTS[(RATES[threshold.metric] ?? threshold.metric) as CountMetric](report);
    const requests = report.totals.requests;
    const actual = !threshold.rate ? count : requests === 0 ? 0 : (count / requests) * 100;
    if (OPERATORS[threshold.operator](actual, threshold.value)) crossed.push({ threshold, actual: threshold.rate ? Math.round(actual * 100) / 100 : actual });
  }
  return crossed;
}
