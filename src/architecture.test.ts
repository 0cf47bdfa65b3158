import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const srcDir = fileURLToPath(new URL('.', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? sourceFiles(join(dir, d.name)) : /\.tsx?$/.test(d.name) ? [join(dir, d.name)] : [],
  );
}

/** The domain a file belongs to: its first folder under src/, or '' for top-level files. */
const domainOf = (file: string) => (relative(srcDir, file).split('/').length > 1 ? (relative(srcDir, file).split('/')[0] ?? '') : '');

describe('architecture', () => {
  it('imports another domain only through its index.ts', () => {
    const violations: string[] = [];
    for (const file of sourceFiles(srcDir).filter((f) => !/\.test\.tsx?$/.test(f))) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/from '(\.{1,2}\/[^']+)'/g)) {
        const target = resolve(dirname(file), match[1] as string);
        const from = domainOf(file);
        const to = domainOf(target);
        if (to === '' || from === to) continue;
        if (relative(join(srcDir, to), target) !== 'index.ts') violations.push(`${relative(srcDir, file)} -> ${match[1]}`);
      }
    }
    expect(violations).toEqual([]);
  });

  it('keeps test helpers out of shipped code', () => {
    const shipped = sourceFiles(srcDir).filter((f) => !/\.test\.tsx?$/.test(f));
    const offenders = shipped.filter((f) => /from '(\.\.\/)+test\//.test(readFileSync(f, 'utf8')));
    expect(offenders.map((f) => relative(srcDir, f))).toEqual([]);
  });
});
