/**
 * Every piece of Indonesian prose the project ships, read from the source files: the knowledge base
 * (`data/codes/<id>/id.yaml`), the comparisons (`data/compare/<pair>/id.yaml`), the fingerprints and elimination
 * rules (`text.id` in `data/fingerprints/*.yaml`) and the interface strings (the string literals of
 * `src/i18n/id*.ts`). The glossary test checks their vocabulary.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

export interface ProsePiece {
  /** The file, relative to the repository root. */
  file: string;
  /** Where in the file: a YAML path or the line of a string literal. */
  where: string;
  text: string;
}

/** Search keywords are words people type, not prose; `source` is a hash. */
const NOT_PROSE = new Set(['keywords', 'source']);

function strings(value: unknown, where: string): { where: string; text: string }[] {
  if (typeof value === 'string') return [{ where, text: value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${where}[${i}]`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => (NOT_PROSE.has(k) ? [] : strings(v, where ? `${where}.${k}` : k)));
  }
  return [];
}

/** The Indonesian halves (`text.id`) anywhere in a fingerprint file. */
function indonesianTexts(value: unknown, where: string): { where: string; text: string }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => indonesianTexts(v, `${where}[${i}]`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => {
    const path = where ? `${where}.${k}` : k;
    if (k === 'text' && v !== null && typeof v === 'object' && 'id' in v) return strings((v as { id: unknown }).id, `${path}.id`);
    return indonesianTexts(v, path);
  });
}

function yamlPieces(root: string, file: string, pick: (doc: unknown) => { where: string; text: string }[]): ProsePiece[] {
  return pick(parse(readFileSync(join(root, file), 'utf8'))).map((p) => ({ file, ...p }));
}

/** String and template literals of a TypeScript file, with `${...}` holes shown as `…`. Comments are skipped. */
export function stringLiterals(source: string): { line: number; text: string }[] {
  const out: { line: number; text: string }[] = [];
  const literal = /\/\/[^\n]*|\/\*[\s\S]*?\*\/|'((?:[^'\\\n]|\\.)*)'|`((?:[^`\\]|\\.|\$\{[^}]*\})*)`/g;
  for (const m of source.matchAll(literal)) {
    const text = m[1] ?? m[2]?.replace(/\$\{[^}]*\}/g, '…');
    // Keys such as 'invalid-response' name things; they are not prose.
    if (text === undefined || !/[a-z]{2}/i.test(text) || /^[a-z0-9]+(-[a-z0-9]+)+$/.test(text)) continue;
    out.push({ line: source.slice(0, m.index).split('\n').length, text: text.replace(/\\(.)/g, '$1') });
  }
  return out;
}

export function indonesianProse(root: string): ProsePiece[] {
  const dirs = (dir: string) => readdirSync(join(root, dir), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).toSorted();
  const codes = dirs('data/codes').flatMap((id) => yamlPieces(root, `data/codes/${id}/id.yaml`, (doc) => strings(doc, '')));
  const comparisons = dirs('data/compare').flatMap((pair) => yamlPieces(root, `data/compare/${pair}/id.yaml`, (doc) => strings(doc, '')));
  const fingerprints = readdirSync(join(root, 'data/fingerprints'))
    .filter((f) => f.endsWith('.yaml'))
    .toSorted()
    .flatMap((f) => yamlPieces(root, `data/fingerprints/${f}`, (doc) => indonesianTexts(doc, '')));
  const catalogues = readdirSync(join(root, 'src/i18n'))
    .filter((f) => /^id(-[a-z]+)?\.ts$/.test(f))
    .toSorted()
    .flatMap((f) => stringLiterals(readFileSync(join(root, 'src/i18n', f), 'utf8')).map((s) => ({ file: `src/i18n/${f}`, where: `line ${s.line}`, text: s.text })));
  return [...codes, ...comparisons, ...fingerprints, ...catalogues];
}

/**
 * The words of a piece that are its own prose: quoted text ("...", '...', `...`), which carries log lines,
 * messages and config as written, is blanked, and so are code-like tokens (directives, paths, variables, header
 * names such as X-Response-Time).
 */
export function ownWords(text: string): string {
  return text
    .replace(/`[^`]*`|"[^"]*"|“[^”]*”|(?<![\p{L}\d])'[^']*'(?![\p{L}\d])/gu, ' ')
    .replace(/\S*(?:[_$/\\=<>{}]|\w\.\w|\(\))\S*/g, ' ')
    .replace(/\b[A-Za-z]+(-[A-Z][A-Za-z]*)+\b/g, ' ');
}

/** One entry of `data/glossary-id.yaml`. */
export interface GlossaryTerm {
  concept: string;
  use: string;
  avoid: string[];
  allow?: string[];
}

export function readGlossary(root: string): GlossaryTerm[] {
  return (parse(readFileSync(join(root, 'data/glossary-id.yaml'), 'utf8')) as { terms: GlossaryTerm[] }).terms;
}

/** The registry and vendor names of the codes ("Login Time-out"): names, quoted or not, are not prose. */
export function codeNames(root: string): string[] {
  return readdirSync(join(root, 'data/codes')).map((id) => (parse(readFileSync(join(root, 'data/codes', id, 'meta.yaml'), 'utf8')) as { reason: string }).reason);
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const wholeWords = (source: string) => new RegExp(`(?<![\\p{L}\\d])(?:${source})(?![\\p{L}\\d])`, 'giu');

/** Every use of an avoided variant in the pieces' own words, as "file where: variant (use: term)". */
export function glossaryViolations(pieces: readonly ProsePiece[], terms: readonly GlossaryTerm[], names: readonly string[] = []): string[] {
  const blank = (text: string, phrases: readonly string[]) =>
    phrases.length === 0 ? text : text.replace(wholeWords(phrases.map(escape).join('|')), ' ');
  const checks = terms.map((term) => ({ term, avoid: wholeWords(term.avoid.join('|')) }));
  return pieces.flatMap((piece) => {
    const words = blank(ownWords(piece.text), names);
    return checks.flatMap(({ term, avoid }) =>
      [...blank(words, term.allow ?? []).matchAll(avoid)].map((m) => `${piece.file} ${piece.where}: "${m[0]}" (use: ${term.use})`),
    );
  });
}
