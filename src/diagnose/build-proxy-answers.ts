/**
 * Validates `data/fingerprints/proxy-answers.yaml` (what a proxy in front would answer for each network
 * failure) and checks that the curl fingerprints' failures resolve to a row of it. Collects every problem.
 */
import { readYaml, validated } from './read-data-file.ts';
import type { BuiltFingerprint } from './fingerprint-schema.ts';
import { proxyAnswersFileSchema, type ProxyAnswerRow } from './proxy-answer-schema.ts';

export const PROXY_ANSWERS_FILE = 'proxy-answers.yaml';

const keyOf = (row: Pick<ProxyAnswerRow, 'kind' | 'phase' | 'detail'>) => [row.kind, row.phase ?? '*', row.detail ?? '*'].join('/');

function checkRows(rows: readonly ProxyAnswerRow[], path: string, errors: string[]): void {
  const keys = new Set<string>();
  for (const row of rows) {
    const key = keyOf(row);
    if (keys.has(key)) errors.push(`${path}: ${key}: the same failure is listed twice`);
    keys.add(key);
    if (row.detail !== undefined && row.kind !== 'invalid-response') errors.push(`${path}: ${key}: a detail belongs to invalid-response only`);
    const components = row.answers.map((a) => a.component);
    const repeated = components.filter((c, i) => components.indexOf(c) !== i);
    if (repeated.length > 0) errors.push(`${path}: ${key}: ${repeated.join(', ')} answer(s) twice`);
  }
  for (const row of rows) {
    if ((row.phase !== undefined || row.detail !== undefined) && !keys.has(keyOf({ kind: row.kind }))) {
      errors.push(`${path}: ${keyOf(row)}: needs a row for ${row.kind} alone, the answer when the phase or detail is unknown`);
    }
  }
}

/** Reads and validates the file; returns its rows (empty when it is invalid). */
export function readProxyAnswers(path: string, errors: string[]): ProxyAnswerRow[] {
  const file = readYaml(path, errors, 'what a proxy in front would answer for each network failure');
  const answers = file && validated(proxyAnswersFileSchema, file.data, path, errors);
  if (!answers) return [];
  checkRows(answers.failures, path, errors);
  return answers.failures;
}

/** A fingerprint's detail must name a row of its kind; otherwise it would silently get the kind's general answers. */
export function checkFailureReferences(fingerprints: readonly BuiltFingerprint[], rows: readonly ProxyAnswerRow[], errors: string[]): void {
  if (rows.length === 0) return;
  for (const fp of fingerprints) {
    if (fp.role !== 'issuer') continue;
    if (fp.networkFailureDetail !== undefined && fp.networkFailure === undefined) {
      errors.push(`${fp.family}: ${fp.id}: networkFailureDetail needs networkFailure`);
    } else if (fp.networkFailureDetail !== undefined && !rows.some((r) => r.kind === fp.networkFailure && r.detail === fp.networkFailureDetail && r.phase === undefined)) {
      errors.push(`${fp.family}: ${fp.id}: ${PROXY_ANSWERS_FILE} has no row for ${fp.networkFailure} with detail ${fp.networkFailureDetail}`);
    }
  }
}
