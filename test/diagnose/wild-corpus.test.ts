/**
 * The wild corpus (issue #12 §5): real responses from public sources, diagnosed through the library. A confidently
 * wrong issuer (high or medium confidence) fails; unknowns and low-confidence misses are tracked in
 * docs/diagnosis-accuracy.md, which must be current: after an intended change run `node scripts/diagnosis-accuracy.ts`
 * and commit the doc.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ACCURACY_DOC, renderAccuracy } from './accuracy-doc.ts';
import { diagnoseCorpus, isConfidentlyWrong, readCorpus, unmappedSlugs, WILD_DIR } from './wild-corpus.ts';

describe('the wild corpus', () => {
  const results = diagnoseCorpus();

  it('maps every expected slug to the component names the fingerprints use', () => {
    expect(unmappedSlugs(readCorpus())).toEqual([]);
  });

  it('indexes every capture exactly once, with its provenance', () => {
    const rows = readCorpus().map((i) => i.file);
    const files = readdirSync(WILD_DIR, { recursive: true, encoding: 'utf8' }).filter((f) => f.includes('/')).toSorted();
    expect(rows.filter((f, i) => rows.indexOf(f) !== i)).toEqual([]);
    expect(rows.toSorted()).toEqual(files);
  });

  it('has no confidently wrong answer', () => {
    expect(results.filter(isConfidentlyWrong).map((r) => `${r.file}: expected ${r.expect}, got ${r.answer}`)).toEqual([]);
  });

  it('is reported in docs/diagnosis-accuracy.md as it stands', () => {
    expect(readFileSync(ACCURACY_DOC, 'utf8')).toBe(renderAccuracy(results));
  });
});
