/** docs/log-formats.md has a table row and an example for every format id and every wrapper id. */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { FORMAT_IDS, WRAPPER_IDS } from '../../src/logs/index.ts';

const doc = readFileSync(new URL('../../docs/log-formats.md', import.meta.url), 'utf8');

it.each([...FORMAT_IDS, ...WRAPPER_IDS])('documents %s with a row and an example line', (id) => {
  expect(doc).toMatch(new RegExp(`^\\| \`${id}\` \\|`, 'm'));
  expect(doc).toMatch(new RegExp(`<a id="example-${id}"></a>[^\\n]*\\n\\n\`\`\`\\n.+\\n\`\`\``));
});

it('documents no id that is not a format or a wrapper', () => {
  const ids = [...doc.matchAll(/^\| `([\w-]+)` \|/gm)].map((m) => m[1]);
  expect(ids.toSorted()).toEqual([...FORMAT_IDS, ...WRAPPER_IDS].toSorted());
});
