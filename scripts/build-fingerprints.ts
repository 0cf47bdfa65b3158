// Offline, deterministic build of the response fingerprints: validates data/fingerprints with the zod schema
// and writes build/fingerprints.json, which the diagnosis engine loads.
// Usage: node scripts/build-fingerprints.ts   (exit 1 listing every problem)
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildFingerprints } from '../src/diagnose/build-fingerprints.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

const { bundle, errors } = buildFingerprints(`${root}data/fingerprints`);
if (errors.length > 0) {
  for (const line of errors) console.error(`error: ${line}`);
  console.error(`${errors.length} problem(s) in data/fingerprints/`);
  process.exit(1);
}
mkdirSync(`${root}build`, { recursive: true });
writeFileSync(`${root}build/fingerprints.json`, `${JSON.stringify(bundle)}\n`);
const families = new Set(bundle.fingerprints.map((fp) => fp.family)).size;
console.log(`build/fingerprints.json: ${bundle.fingerprints.length} fingerprints in ${families} families`);
