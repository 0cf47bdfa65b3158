/** One check as a flat record of scalar columns, for CSV, tables and spreadsheets. */
import type { BulkRow } from './types.ts';

export const FLAT_COLUMNS = [
  'index',
  'url',
  'status',
  'problem',
  'final_url',
  'redirects',
  'address',
  'failure',
  'phase',
  'code',
  'dns_ms',
  'connect_ms',
  'tls_ms',
  'ttfb_ms',
  'download_ms',
  'total_ms',
  'tls_issuer',
  'tls_days_left',
  'tls_name_match',
  'issuer',
  'proxy_answers',
  'message',
] as const;

export type FlatColumn = (typeof FLAT_COLUMNS)[number];
export type FlatRow = Record<FlatColumn, string | number | boolean | null>;

export function flattenRow({ index, input, result, error }: BulkRow): FlatRow {
  const last = result?.hops.at(-1);
  const t = last?.timings;
  const failure = result?.failure ?? null;
  const issuer = result?.diagnosis?.diagnoses[0]?.issuer ?? null;
  return {
    index,
    url: result?.url ?? input,
    status: result?.status ?? null,
    problem: result ? result.problem : null,
    final_url: result?.finalUrl ?? null,
    redirects: result ? Math.max(0, result.hops.length - 1) : null,
    address: last?.address ?? null,
    failure: failure?.kind ?? null,
    phase: failure?.phase ?? null,
    code: error?.code ?? failure?.code ?? null,
    dns_ms: t?.dns ?? null,
    connect_ms: t?.connect ?? null,
    tls_ms: t?.tls ?? null,
    ttfb_ms: t?.ttfb ?? null,
    download_ms: t?.download ?? null,
    total_ms: result?.totalMs ?? null,
    tls_issuer: last?.tls?.issuer ?? null,
    tls_days_left: last?.tls?.daysToExpiry ?? null,
    tls_name_match: last?.tls ? last.tls.nameMatch : null,
    issuer: issuer?.component ?? null,
    proxy_answers: failure ? failure.proxyAnswers.map((a) => `${a.component} ${a.status ?? '-'}`).join('; ') : null,
    message: error?.message ?? failure?.message ?? null,
  };
}
