/** docs/log-formats.md has a table row and an example for every format id and every wrapper id, and the README lists them all. */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { FORMAT_IDS, WRAPPER_IDS } from '../../src/logs/index.ts';
import { README, readmeSection, withSection } from './readme-formats.ts';

const doc = readFileSync(new URL('../../docs/log-formats.md', import.meta.url), 'utf8');

it.each([...FORMAT_IDS, ...WRAPPER_IDS])('documents %s with a row and an example line', (id) => {
  expect(doc).toMatch(new RegExp(`^\\| \`${id}\` \\|`, 'm'));
  expect(doc).toMatch(new RegExp(`<a id="example-${id}"></a>[^\\n]*\\n\\n\`\`\`\\n.+\\n\`\`\``));
});

it('documents no id that is not a format or a wrapper', () => {
  const ids = [...doc.matchAll(/^\| `([\w-]+)` \|/gm)].map((m) => m[1]);
  expect(ids.toSorted()).toEqual([...FORMAT_IDS, ...WRAPPER_IDS].toSorted());
});

it("the README's list of formats is the one docs/log-formats.md makes (node scripts/readme-log-formats.ts rewrites it)", () => {
  const readme = readFileSync(README, 'utf8');
  expect(withSection(readme, readmeSection(doc))).toBe(readme);
  for (const id of [...FORMAT_IDS, ...WRAPPER_IDS]) expect(readme).toMatch(new RegExp(`^\\| \`${id}\` \\| .+ \\| \`+ .+ \`+ \\|$`, 'm'));
});
