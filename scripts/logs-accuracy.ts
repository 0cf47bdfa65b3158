/**
 * Writes docs/logs-accuracy.md: `httpwhy logs` on every file of the wild corpus (test/fixtures/logs/wild/) against
 * its hand count, as test/logs/wild-corpus.ts measures it. test/logs/wild-corpus.test.ts fails when the committed
 * file is not current.
 * With `--dir DIR`, measures a separate set laid out the same way (DIR/corpus.tsv and its files), such as logs
 * collected after the corpus to check that it generalises, and prints each file's result instead of writing the doc.
 * Usage: node scripts/logs-accuracy.ts [--dir DIR]
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ACCURACY_DOC, CHECKS, formatsRead, loadCorpus, measure, renderAccuracy, type Measured } from '../test/logs/wild-corpus.ts';

const classes = (c: Measured['fiveXx']): string => `${c.app}/${c.proxy}/${c.unknown}`;

const { values } = parseArgs({ options: { dir: { type: 'string' } } });
const dir = values.dir === undefined ? undefined : `${resolve(values.dir)}/`;
const measured: Measured[] = [];
for (const row of loadCorpus(dir)) measured.push(await measure(row, dir));
if (dir === undefined) {
  writeFileSync(ACCURACY_DOC, renderAccuracy(measured));
  console.log(`logs-accuracy: wrote ${measured.length} files to docs/logs-accuracy.md`);
} else {
  for (const m of measured) {
    const wrong = CHECKS.filter((c) => !m.passed[c]);
    const got = `${formatsRead(m)}; requests ${m.requests}/${m.row.requests}; 5xx app/proxy/unknown ${classes(m.fiveXx)} (expected ${classes(m.row.fiveXx)})`;
    console.log(`${wrong.length === 0 ? 'right' : `wrong (${wrong.join(', ')})`}\t${m.row.file}\t${m.row.format}\t${got}`);
  }
  const right = measured.filter((m) => CHECKS.every((c) => m.passed[c])).length;
  console.log(`logs-accuracy: ${right} of ${measured.length} files right in ${dir}`);
}
