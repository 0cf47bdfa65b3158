/**
 * The package's API is what `src/index.ts` names, and `docs/api/httpwhy.api.md` (API Extractor's report) is its
 * reviewed surface: API Extractor, run as the build runs it, fails when the exports change without the report.
 * Needs `npm run build:ts` (dist/), which `npm test` runs first.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const extractor = join(root, 'node_modules/@microsoft/api-extractor/bin/api-extractor');
const report = readFileSync(join(root, 'docs/api/httpwhy.api.md'), 'utf8');

/** Runs API Extractor in check mode (no --local: a changed API fails) with the project's config, in `cwd`. */
function extract(cwd: string): { status: number | null; output: string } {
  const run = spawnSync(process.execPath, [extractor, 'run', '-c', join(cwd, 'api-extractor.json')], { cwd, encoding: 'utf8', timeout: 120_000 });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

const temp: string[] = [];
afterAll(() => {
  for (const dir of temp) rmSync(dir, { recursive: true, force: true });
});

describe('public API', () => {
  it('is exactly what the committed report lists, with no internals', async () => {
    const exported = Object.keys(await import('../../dist/index.js')).toSorted();
    const declared = [...report.matchAll(/^export (?:class|const|function|declare function) (\w+)/gm)].map((m) => m[1] as string).toSorted();
    expect(exported).toEqual(declared);
    for (const internal of ['loadKb', 'wireEntry', 'suggestNear', 'DIAGNOSIS_MESSAGES', 'buildProgram', 'LogSession']) expect(exported).not.toContain(internal);
  });

  it('passes API Extractor against the committed report', { timeout: 120_000 }, () => {
    const { status, output } = extract(root);
    expect(output).not.toMatch(/You have changed the public API signature/);
    expect(status).toBe(0);
  });

  it('fails API Extractor when an export is added without updating the report', { timeout: 120_000 }, () => {
    const copy = mkdtempSync(join(tmpdir(), 'httpwhy-api-'));
    temp.push(copy);
    for (const path of ['package.json', 'api-extractor.json', 'dist', 'docs/api']) cpSync(join(root, path), join(copy, path), { recursive: true });
    symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'));
    const entry = join(copy, 'dist/index.d.ts');
    writeFileSync(entry, `${readFileSync(entry, 'utf8')}\n/** Planted. */\nexport declare const planted: number;\n`);
    const { status, output } = extract(copy);
    expect(status).not.toBe(0);
    expect(output).toMatch(/changed the (public )?API signature/);
  });
});
