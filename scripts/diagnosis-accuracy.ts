/**
 * Diagnoses every response of the wild corpus (test/fixtures/diagnose/wild/) and writes the accuracy per input kind
 * and per expected issuer, with the list of misses, to docs/diagnosis-accuracy.md. Needs `npm run build:data`
 * (the engine loads build/fingerprints.json). The corpus test fails when the committed doc is not current.
 * With `--dir DIR`, measures a separate set laid out the same way (DIR/corpus-*.tsv and its files), such as
 * captures collected after the corpus to check that it generalises, and prints each item's result instead of
 * writing the doc; an `expect` slug that test/diagnose/wild-components.ts lacks is flagged for a judgement by hand.
 * Usage: node scripts/diagnosis-accuracy.ts [--dir DIR]
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ACCURACY_DOC, renderAccuracy } from '../test/diagnose/accuracy-doc.ts';
import { diagnoseCorpus, unmappedSlugs } from '../test/diagnose/wild-corpus.ts';

const { values } = parseArgs({ options: { dir: { type: 'string' } } });
const dir = values.dir === undefined ? undefined : `${resolve(values.dir)}/`;
const results = diagnoseCorpus(dir);
const count = (outcome: string) => results.filter((r) => r.outcome === outcome).length;
const summary = `${results.length} items, ${count('right')} right, ${count('less-specific')} less specific, ${count('unknown')} unknown, ${count('wrong')} wrong`;
if (dir === undefined) {
  writeFileSync(ACCURACY_DOC, renderAccuracy(results));
  console.log(`diagnosis-accuracy: ${summary}; wrote docs/diagnosis-accuracy.md`);
} else {
  const unmapped = new Set(unmappedSlugs(results));
  for (const r of results) {
    const outcome = unmapped.has(r.expect) && r.outcome === 'wrong' ? 'judge by hand' : r.outcome;
    console.log(`${outcome}\t${r.file}\texpect ${r.expect}\t${r.answer}`);
  }
  console.log(`diagnosis-accuracy: ${summary} in ${dir}${unmapped.size > 0 ? ` (slugs to judge by hand: ${[...unmapped].join(', ')})` : ''}`);
}
