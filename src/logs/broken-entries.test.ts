import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { detectWild, wildLines } from '../../test/logs/helpers.ts';
import { BrokenEntries, joinLines } from './broken-entries.ts';
import { analyzeLogs } from './session.ts';

const WILD = new URL('../../test/fixtures/logs/wild/', import.meta.url).pathname;
// AWS's documentation prints each ALB example entry over six lines (test/fixtures/logs/wild/corpus.tsv has the source).
const ALB_DOCS = 'aws-alb/awsdocs-alb-wrapped-examples.log';

describe('joinLines', () => {
  it('joins the parts with one blank where the break stood for one, or with none inside a value', () => {
    const parts = ['http 2018-07-02T22:23:00.186641Z app/x ', '  192.168.131.39:2817 ', '"x-forwa', 'rded-for"'].map((s) => Buffer.from(s));
    expect(joinLines(parts.slice(0, 2), ' ').toString()).toBe('http 2018-07-02T22:23:00.186641Z app/x 192.168.131.39:2817 ');
    expect(joinLines(parts.slice(2), '').toString()).toBe('"x-forwarded-for"');
  });
});

const line = (text: string, lineNo: number) => ({ bytes: Buffer.from(text), lineNo, final: false });

describe('BrokenEntries', () => {
  it('offers every run of kept lines ending at the new one, and gives back the lines before the run it holds', () => {
    const broken = new BrokenEntries();
    expect(broken.keep(line('a', 1))).toEqual([]);
    expect(broken.keep(line('b', 2))).toEqual([]);
    const candidates = [...broken.candidates(line('c', 3))];
    expect(candidates.map((c) => c.bytes.toString())).toEqual(['a b c', 'abc', 'b c', 'bc']);
    const before = broken.hold(candidates[2] as (typeof candidates)[number]);
    expect(before.map((l) => l.lineNo)).toEqual([1]);
    expect(broken.extension(line('d', 4))?.bytes.toString()).toBe('b c d');
  });

  it('keeps six lines at most: an older one falls out to be skipped', () => {
    const broken = new BrokenEntries();
    for (let i = 1; i <= 6; i++) expect(broken.keep(line(String(i), i))).toEqual([]);
    expect(broken.keep(line('7', 7)).map((l) => l.lineNo)).toEqual([1]);
    expect(broken.drain().map((l) => l.lineNo)).toEqual([2, 3, 4, 5, 6, 7]);
  });
});

describe('an entry broken over lines, read whole', () => {
  it('detects the format of a sample whose entries are broken over lines', () => {
    expect(detectWild(ALB_DOCS)).toBe('alb');
  });

  it("reads each of AWS's six-line ALB examples as one request, the failed Lambda target as the balancer's 502", async () => {
    const r = await analyzeLogs({ files: [ALB_DOCS], cwd: WILD, stdin: Readable.from([]) });
    expect(wildLines(ALB_DOCS)).toHaveLength(42);
    expect(r.totals.requests).toBe(7);
    expect(r.files[0]).toMatchObject({ format: 'alb', lines: 42, parsed: 42, rejoined: 35, skipped: 0 });
    expect(r.totals.byStatus).toMatchObject({ '502': 1 });
    expect(r.classes).toEqual({ app: 0, proxy: 1, unknown: 0 });
  });
});
