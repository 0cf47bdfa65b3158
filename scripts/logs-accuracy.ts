/**
 * Writes docs/logs-accuracy.md: `httpwhy logs` on every file of the wild corpus (test/fixtures/logs/wild/) against
 * its hand count, as test/logs/wild-corpus.ts measures it. test/logs/wild-corpus.test.ts fails when the committed
 * file is not current.
 * Usage: node scripts/logs-accuracy.ts
 */
import { writeFileSync } from 'node:fs';
import { ACCURACY_DOC, loadCorpus, measure, renderAccuracy, type Measured } from '../test/logs/wild-corpus.ts';

const measured: Measured[] = [];
for (const row of loadCorpus()) measured.push(await measure(row));
writeFileSync(ACCURACY_DOC, renderAccuracy(measured));
console.log(`logs-accuracy: wrote ${measured.length} files to docs/logs-accuracy.md`);
