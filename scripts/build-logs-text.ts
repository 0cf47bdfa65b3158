// Offline build of the log report's text: checks data/logs/<locale>.yaml (every key in every locale) and writes
// build/logs-text.json, which `httpwhy logs` loads.
// Usage: node scripts/build-logs-text.ts   (exit 1 listing every problem)
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildLogsText } from '../src/logs/report/build-text.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

const { bundle, errors } = buildLogsText(`${root}data/logs`);
if (errors.length > 0) {
  for (const line of errors) console.error(`error: ${line}`);
  process.exit(1);
}
mkdirSync(`${root}build`, { recursive: true });
writeFileSync(`${root}build/logs-text.json`, `${JSON.stringify(bundle)}\n`);
console.log(`build/logs-text.json: ${Object.keys(bundle).join(', ')}`);
