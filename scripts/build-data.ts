// Offline, deterministic build of the knowledge base: validates data/ with the zod schema and writes build/kb.json.
// Usage: node scripts/build-data.ts [--only <id-prefix>]   (exit 1 on invalid data; stale translations are listed)
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildKnowledgeBase } from '../src/codes/build-kb.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const onlyIndex = process.argv.indexOf('--only');
const only = onlyIndex > 0 ? process.argv[onlyIndex + 1] : undefined;

const { kb, errors, stale } = buildKnowledgeBase(`${root}data`);
const shown = only ? errors.filter((e) => e.includes(only)) : errors;
for (const line of stale) console.warn(`stale: ${line}`);
if (shown.length > 0) {
  for (const line of shown) console.error(`error: ${line}`);
  console.error(`${shown.length} problem(s) in data/`);
  process.exit(1);
}
mkdirSync(`${root}build`, { recursive: true });
writeFileSync(`${root}build/kb.json`, `${JSON.stringify(kb)}\n`);
console.log(`build/kb.json: ${kb.codes.length} codes, ${kb.comparisons.length} comparisons${stale.length ? `, ${stale.length} stale translation(s)` : ''}`);
