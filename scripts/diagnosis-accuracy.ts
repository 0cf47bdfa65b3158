/**
 * Diagnoses every response of the wild corpus (test/fixtures/diagnose/wild/) and writes the accuracy per input kind
 * and per expected issuer, with the list of misses, to docs/diagnosis-accuracy.md. Needs `npm run build:data`
 * (the engine loads build/fingerprints.json). The corpus test fails when the committed doc is not current.
 * Usage: node scripts/diagnosis-accuracy.ts
 */
import { writeFileSync } from 'node:fs';
import { ACCURACY_DOC, renderAccuracy } from '../test/diagnose/accuracy-doc.ts';
import { diagnoseCorpus } from '../test/diagnose/wild-corpus.ts';

const results = diagnoseCorpus();
writeFileSync(ACCURACY_DOC, renderAccuracy(results));
const count = (outcome: string) => results.filter((r) => r.outcome === outcome).length;
console.log(
  `diagnosis-accuracy: ${results.length} items, ${count('right')} right, ${count('less-specific')} less specific, ${count('unknown')} unknown, ${count('wrong')} wrong; wrote docs/diagnosis-accuracy.md`,
);
