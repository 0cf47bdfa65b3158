// Re-pins data/<codes|compare>/<id>/id.yaml to the current en.yaml after the Indonesian text was reviewed.
// Usage: node scripts/pin-translation.ts <id>... | --all
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sha256 } from '../src/codes/read-sources.ts';

const dataDir = fileURLToPath(new URL('../data', import.meta.url));
const args = process.argv.slice(2);
const folders = ['codes', 'compare'].flatMap((kind) =>
  existsSync(join(dataDir, kind)) ? readdirSync(join(dataDir, kind)).map((id) => ({ id, dir: join(dataDir, kind, id) })) : [],
);
const targets = args.includes('--all') ? folders : folders.filter((f) => args.includes(f.id));
if (targets.length === 0) {
  console.error('usage: node scripts/pin-translation.ts <id>... | --all');
  process.exit(2);
}
for (const { id, dir } of targets) {
  const enPath = join(dir, 'en.yaml');
  const idPath = join(dir, 'id.yaml');
  if (!existsSync(enPath) || !existsSync(idPath)) continue;
  const pin = `source: ${sha256(readFileSync(enPath, 'utf8'))}`;
  const text = readFileSync(idPath, 'utf8');
  const next = /^source: .*$/m.test(text) ? text.replace(/^source: .*$/m, pin) : `${pin}\n${text}`;
  if (next !== text) {
    writeFileSync(idPath, next);
    console.log(`pinned ${id}`);
  }
}
