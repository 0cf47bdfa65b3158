/**
 * The wild corpus (test/fixtures/logs/wild/), row by row, as `httpwhy logs FILE` reads it (format detected): requests
 * read, the format detected and the 5xx by class against the hand count in corpus.tsv. The rows httpwhy gets wrong
 * today are listed with their failing checks in KNOWN_GAPS and run with `it.fails`: a row that starts passing turns
 * red and leaves the list. No row is skipped, and for every row, gap or not, a run that read no request never ends
 * with a clean report and exit 0.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { run as runCli } from '../../src/cli/index.ts';
import { FORMAT_IDS } from '../../src/logs/index.ts';
import { memoryIo } from '../helpers/memory-io.ts';
import { ACCURACY_DOC, CHECKS, formatsRead, loadCorpus, measure, renderAccuracy, WILD_DIR, type Check, type Measured } from './wild-corpus.ts';
import { WILD_FORMATS } from './wild-formats.ts';
import { KNOWN_GAPS } from './wild-known-gaps.ts';

const rows = loadCorpus();
const measured = new Map<string, Measured>();
const measuredOf = (file: string): Measured => {
  const m = measured.get(file);
  if (!m) throw new Error(`${file} was not measured`);
  return m;
};

// Analysing every corpus file takes half a minute alone and more beside the rest of the suite on two cores: the hook
// gets the time it needs (no speed is asserted here; bench/ measures speed).
beforeAll(async () => {
  for (const row of rows) measured.set(row.file, await measure(row));
}, 300_000);

describe('the corpus tables', () => {
  it('map every format slug of corpus.tsv to httpwhy format ids, and no other slug', () => {
    expect(Object.keys(WILD_FORMATS).toSorted()).toEqual([...new Set(rows.map((r) => r.format))].toSorted());
  });

  it('list known gaps only for corpus rows, each with the checks that fail', () => {
    const files = new Set(rows.map((r) => r.file));
    for (const [file, gap] of Object.entries(KNOWN_GAPS)) {
      expect(files.has(file), file).toBe(true);
      expect(gap.fails.length, file).toBeGreaterThan(0);
      expect(new Set(gap.fails).size, file).toBe(gap.fails.length);
      expect(gap.fails.every((c) => (CHECKS as readonly string[]).includes(c)), file).toBe(true);
      expect(gap.reason.length, file).toBeGreaterThan(20);
    }
  });

  it('expect a format id httpwhy does not have only of rows whose format check is a known gap', () => {
    const missing = rows.filter((r) => !(WILD_FORMATS[r.format] ?? []).some((id) => (FORMAT_IDS as readonly string[]).includes(id)));
    expect(missing.filter((r) => !KNOWN_GAPS[r.file]?.fails.includes('format')).map((r) => r.file)).toEqual([]);
  });
});

const CLEAN = 'No 5xx, 499 or 009 in these logs.';

describe.each(rows)('$file', (row) => {
  const gap = KNOWN_GAPS[row.file];
  const assertions: Record<Check, (m: Measured) => void> = {
    requests: (m) => expect(m.requests).toBe(row.requests),
    format: (m) => expect(m.passed.format, `read as ${formatsRead(m)}; the corpus says ${row.format}: ${WILD_FORMATS[row.format]?.join(' or ')}`).toBe(true),
    classes: (m) => expect(m.fiveXx).toEqual(row.fiveXx),
  };
  for (const check of CHECKS) {
    const known = gap?.fails.includes(check) ?? false;
    (known ? it.fails : it)(known ? `${check} (known gap)` : check, () => assertions[check](measuredOf(row.file)));
  }

  it('is no clean report with exit 0 when no request was read', async () => {
    const run = { ...memoryIo(), cwd: WILD_DIR };
    const exit = await runCli(['logs', row.file, '--no-progress'], run);
    const out = run.stdoutText();
    const requests = measuredOf(row.file).report.totals.requests;
    expect(exit).toBe(requests === 0 ? 1 : 0);
    expect(requests === 0 && out.includes(CLEAN)).toBe(false);
    expect(requests > 0 || /^No (access-log )?request was read/.test(out.split('\n')[2] ?? '')).toBe(true);
  });
});

it('docs/logs-accuracy.md is current (node scripts/logs-accuracy.ts rewrites it)', () => {
  expect(readFileSync(ACCURACY_DOC, 'utf8')).toBe(renderAccuracy(rows.map((r) => measuredOf(r.file))));
});
