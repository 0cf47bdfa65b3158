import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { importViolations } from '../test/helpers/import-rules.ts';

const srcDir = fileURLToPath(new URL('.', import.meta.url));

describe('import rules of src/', () => {
  it('hold for the whole tree', () => {
    expect(importViolations(srcDir)).toEqual([]);
  });
});

/** A small tree shaped like src/: two domains with doors, and logs with rooms. Every file imports nothing. */
const BASE_TREE: Record<string, string> = {
  'errors.ts': 'export const E = 1;',
  'index.ts': "export { C } from './codes/index.ts';",
  'codes/index.ts': "export { C } from './lookup.ts';",
  'codes/lookup.ts': 'export const C = 1;',
  'web/index.ts': "export { W } from './app.ts';",
  'web/app.ts': "import { C } from '../codes/index.ts';\nexport const W = C;",
  'logs/index.ts': "export { R } from './report/index.ts';",
  'logs/types.ts': 'export type T = number;',
  'logs/analysis/index.ts': "export { A } from './classify.ts';",
  'logs/analysis/classify.ts': "import type { T } from '../types.ts';\nexport const A: T = 1;",
  'logs/report/index.ts': "export { R } from './render.ts';",
  'logs/report/render.ts': "import { A } from '../analysis/index.ts';\nexport const R = A;",
};

let dirs: string[] = [];
afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});

function tree(extra: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'httpwhy-imports-'));
  dirs.push(root);
  for (const [file, text] of Object.entries({ ...BASE_TREE, ...extra })) {
    mkdirSync(dirname(join(root, 'src', file)), { recursive: true });
    writeFileSync(join(root, 'src', file), text);
  }
  mkdirSync(join(root, 'test'), { recursive: true });
  writeFileSync(join(root, 'test', 'helper.ts'), 'export const H = 1;');
  return join(root, 'src');
}

describe('each import rule fails on a planted violation', () => {
  it('accepts the clean tree', () => {
    expect(importViolations(tree({}))).toEqual([]);
  });

  it.each([
    ['static import, single quotes', "import { C } from '../codes/lookup.ts';"],
    ['static import, double quotes', 'import { C } from "../codes/lookup.ts";'],
    ['type-only import', "import type { X } from '../codes/lookup.ts';"],
    ['bare import', "import '../codes/lookup.ts';"],
    ['re-export', "export { C } from '../codes/lookup.ts';"],
    ['export star', "export * from '../codes/lookup.ts';"],
    ['dynamic import', "export const load = () => import('../codes/lookup.ts');"],
    ['dynamic import, template literal', 'export const load = () => import(`../codes/lookup.ts`);'],
  ])('door: %s past codes/index.ts', (_form, line) => {
    expect(importViolations(tree({ 'web/bad.ts': line }))).toEqual([expect.stringMatching(/^web\/bad\.ts -> \.\.\/codes\/lookup\.ts .*enter codes\/ through its index\.ts/)]);
  });

  it('door: a room of logs is entered through its own index.ts', () => {
    const found = importViolations(tree({ 'logs/report/bad.ts': "import { A } from '../analysis/classify.ts';" }));
    expect(found).toEqual([expect.stringMatching(/enter logs\/analysis\/ through its index\.ts/)]);
  });

  it.each([
    ['static', "import { W } from '../web/index.ts';"],
    ['type-only', "import type { W } from '../web/index.ts';"],
    ['dynamic', "export const w = () => import('../web/index.ts');"],
  ])('layer: a lower domain may not import a higher one (%s)', (_form, line) => {
    expect(importViolations(tree({ 'codes/bad.ts': line }))).toEqual([expect.stringMatching(/codes \(layer 1\) may not import web \(layer 6\)/)]);
  });

  it('layer: a lower room may not import a higher one', () => {
    const found = importViolations(tree({ 'logs/analysis/bad.ts': "import { R } from '../report/index.ts';" }));
    expect(found).toEqual([expect.stringMatching(/logs\/analysis \(layer 1\) may not import logs\/report \(layer 2\)/)]);
  });

  it('layer: a top-level file may not import a domain', () => {
    expect(importViolations(tree({ 'util.ts': "import { C } from './codes/index.ts';" }))).toEqual([expect.stringMatching(/top-level files sit below every domain/)]);
  });

  it('a dynamic import of a computed path is refused', () => {
    const found = importViolations(tree({ 'web/bad.ts': "const p = '../codes/lookup.ts';\nexport const load = () => import(p);" }));
    expect(found).toEqual([expect.stringMatching(/computed path cannot be checked/)]);
  });

  it('shipped code may not import test helpers; tests may', () => {
    const found = importViolations(
      tree({ 'web/bad.ts': "import { H } from '../../test/helper.ts';", 'web/ok.test.ts': "import { H } from '../../test/helper.ts';" }),
    );
    expect(found).toEqual([expect.stringMatching(/^web\/bad\.ts .*shipped code imports test code/)]);
  });

  it('an import names an existing file with its extension', () => {
    expect(importViolations(tree({ 'web/bad.ts': "import { W } from './app';" }))).toEqual([expect.stringMatching(/no such file/)]);
  });
});
