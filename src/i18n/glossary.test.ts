// The Indonesian vocabulary (data/glossary-id.yaml) holds on every surface: the knowledge base, the comparisons,
// the fingerprints and elimination rules, and the interface strings.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { codeNames, glossaryViolations, indonesianProse, readGlossary, type ProsePiece } from '../../test/helpers/indonesian-prose.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const terms = readGlossary(root);
const piece = (text: string): ProsePiece => ({ file: 'planted', where: 'text', text });

describe('the Indonesian glossary', () => {
  const prose = indonesianProse(root);

  it('reads every surface', () => {
    const surfaces = new Set(prose.map((p) => p.file.split('/').slice(0, 2).join('/')));
    expect([...surfaces].toSorted()).toEqual(['data/codes', 'data/compare', 'data/fingerprints', 'src/i18n']);
    expect(prose.length).toBeGreaterThan(4000);
  });

  it('is followed: no avoided variant in Indonesian prose', () => {
    expect(glossaryViolations(prose, terms, codeNames(root))).toEqual([]);
  });

  it('reports a planted variant, and not one inside quotes, code or a code name', () => {
    expect(glossaryViolations([piece('Klien menerima response dari log error proxy.')], terms)).toEqual([
      'planted text: "response" (use: respons (respons-nya is written responsnya))',
      'planted text: "Klien" (use: client)',
      'planted text: "log error" (use: error log)',
    ]);
    const quoted = piece('nginx mencatat "upstream sent too big header while reading response header", X-Response-Time, $upstream_response_time, response.json(), 440 Login Time-out.');
    expect(glossaryViolations([quoted], terms, ['Login Time-out'])).toEqual([]);
    expect(glossaryViolations([piece('timeout-nya default 60 detik, bawaannya 60 detik')], terms)).toEqual([
      'planted text: "bawaannya 60" (use: default)',
    ]);
  });
});
