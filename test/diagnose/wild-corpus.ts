/**
 * Diagnoses every item of the wild corpus (test/fixtures/diagnose/wild/corpus-*.tsv) through the library and
 * classifies the answer against the table's `expect`: right, right but less specific, unknown, or wrong. Used by
 * the corpus test and by scripts/diagnosis-accuracy.ts (docs/diagnosis-accuracy.md).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { APPLICATION, diagnose, type Confidence, type Diagnosis } from '../../src/diagnose/index.ts';
import { HttpwhyError } from '../../src/errors.ts';
import { WILD_COMPONENTS } from './wild-components.ts';

export const WILD_DIR = fileURLToPath(new URL('../fixtures/diagnose/wild/', import.meta.url));

export interface CorpusItem {
  file: string;
  kind: string;
  expect: string;
}

export type Outcome = 'right' | 'less-specific' | 'unknown' | 'wrong';

export interface ItemResult extends CorpusItem {
  outcome: Outcome;
  /** What diagnose answered, as the doc shows it. */
  answer: string;
  confidence: Confidence | null;
}

/** Every row of every corpus table, in table order (tables by name). */
export function readCorpus(dir = WILD_DIR): CorpusItem[] {
  const tables = readdirSync(dir).filter((f) => /^corpus-.*\.tsv$/.test(f)).toSorted();
  return tables.flatMap((table) => {
    const [header = '', ...rows] = readFileSync(join(dir, table), 'utf8').split('\n').filter((l) => l.trim() !== '');
    const columns = header.split('\t');
    const at = (name: string) => columns.indexOf(name);
    return rows.map((row) => {
      const cells = row.split('\t');
      return { file: cells[at('file')] ?? '', kind: cells[at('kind')] ?? '', expect: cells[at('expect')] ?? '' };
    });
  });
}

/** Slugs the tables use that the component table does not know (besides `app` and `unknown`). */
export function unmappedSlugs(items: readonly CorpusItem[]): string[] {
  return [...new Set(items.map((i) => i.expect))].filter((s) => s !== 'app' && s !== 'unknown' && !(s in WILD_COMPONENTS)).toSorted();
}

/**
 * Components named by a role any application can play (an identity provider's OAuth 2.0 error object, a Kubernetes
 * admission webhook's refusal): for a slug that
 * is an application's own code, they name it less precisely, as 'the application' does.
 */
const ROLES_OF_AN_APPLICATION: readonly string[] = ['OAuth 2.0 authorization server', 'Kubernetes admission webhook'];

/**
 * An application server's own request-log line, whose fingerprint says the application it runs answered (`issued:
 * app`): for the application's (or its framework's) own error it names the box the application runs in, less precisely.
 */
const APP_SERVERS_REQUEST_LOGS: readonly string[] = ['uvicorn-access-log', 'uwsgi-request-log'];

function judge(expect: string, d: Diagnosis): Outcome {
  const issuer = d.issuer;
  if (issuer === null || d.verdict === 'unknown' || d.verdict === 'no-error') return expect === 'unknown' ? 'right' : 'unknown';
  // A client's own report of a failure with no HTTP response (curl's exit code) names no component that answered:
  // whoever closed or reset the connection stays unnamed.
  if (issuer.layer === 'client-tooling') return expect === 'unknown' ? 'right' : 'unknown';
  if (expect === 'app' && APP_SERVERS_REQUEST_LOGS.includes(issuer.fingerprint ?? '')) return 'less-specific';
  if (expect === 'app') return issuer.component === APPLICATION || issuer.layer === 'origin-app' ? 'right' : 'wrong';
  const expected = WILD_COMPONENTS[expect];
  if (!expected) return 'wrong';
  if (expected.names.includes(issuer.component)) return 'right';
  // The framework's own answer, logged by the server it runs in: the line names the server, the framework less precisely.
  if (expected.framework && APP_SERVERS_REQUEST_LOGS.includes(issuer.fingerprint ?? '')) return 'less-specific';
  const asApplication = issuer.component === APPLICATION || ROLES_OF_AN_APPLICATION.includes(issuer.component);
  if (expected.broader?.includes(issuer.component) || (expected.framework && asApplication)) return 'less-specific';
  return 'wrong';
}

/** The first diagnosis with an error status: a paste of several responses is judged by its failing one. */
export function diagnoseItem(item: CorpusItem, dir = WILD_DIR): ItemResult {
  const text = readFileSync(join(dir, item.file), 'utf8');
  let report;
  try {
    report = diagnose(text);
  } catch (error) {
    if (!(error instanceof HttpwhyError)) throw error;
    return { ...item, outcome: item.expect === 'unknown' ? 'right' : 'unknown', answer: `unreadable (${error.code})`, confidence: null };
  }
  const d = report.diagnoses.find((x) => x.verdict !== 'no-error') ?? report.diagnoses[0];
  if (!d) throw new Error(`${item.file}: no diagnosis`);
  const answer = d.issuer ? `${d.issuer.component} (${d.verdict}, ${d.confidence ?? '-'})` : `${d.verdict} (status ${d.status ?? '?'}, ${report.format})`;
  return { ...item, outcome: judge(item.expect, d), answer, confidence: d.confidence };
}

export const isConfidentlyWrong = (r: ItemResult) => r.outcome === 'wrong' && (r.confidence === 'high' || r.confidence === 'medium');

export function diagnoseCorpus(dir = WILD_DIR): ItemResult[] {
  return readCorpus(dir).map((item) => diagnoseItem(item, dir));
}
