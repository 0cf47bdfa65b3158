// Bundles the site's client script with esbuild and copies the stylesheet, both with content-hashed names,
// into build/assets/ (plus manifest.json, which the server and the static export read).
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = `${root}build/assets/`;
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const hash = (data: string | Buffer) => createHash('sha256').update(data).digest('hex').slice(0, 10);

const js = await build({
  entryPoints: [`${root}src/web/assets/client/site.ts`],
  bundle: true,
  minify: true,
  format: 'iife',
  target: 'es2020',
  write: false,
  legalComments: 'none',
});
const jsText = js.outputFiles[0]?.text ?? '';
const css = readFileSync(`${root}src/web/assets/site.css`, 'utf8');
const manifest = { css: `site.${hash(css)}.css`, js: `site.${hash(jsText)}.js` };
writeFileSync(out + manifest.css, css);
writeFileSync(out + manifest.js, jsText);
writeFileSync(`${out}manifest.json`, `${JSON.stringify(manifest)}\n`);
console.log(`build/assets: ${manifest.css} (${css.length} B), ${manifest.js} (${jsText.length} B)`);
