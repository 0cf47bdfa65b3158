/**
 * Validates `data/fingerprints/elimination.yaml` (the rules that name the application by elimination) against the
 * fingerprints it refers to: every family it names exists, and its text uses only the placeholders it fills in.
 */
import { eliminationFileSchema, type EliminationData } from './elimination-schema.ts';
import { readYaml, validated } from './read-data-file.ts';
import type { BuiltFingerprint } from './fingerprint-schema.ts';

export const ELIMINATION_FILE = 'elimination.yaml';

const PLACEHOLDER = /\{([a-z]+)\}/g;
const KNOWN_PLACEHOLDERS = new Set(['status', 'behind', 'app', 'reason']);

function checkRules(data: EliminationData, fingerprints: readonly BuiltFingerprint[], path: string, errors: string[]): void {
  const families = new Set(fingerprints.map((fp) => fp.family));
  for (const family of data.appServers) if (!families.has(family)) errors.push(`${path}: appServers: no fingerprint family "${family}"`);
  const ids = new Set<string>();
  for (const rule of data.rules) {
    if (ids.has(rule.id)) errors.push(`${path}: rule id "${rule.id}" is used twice`);
    ids.add(rule.id);
    for (const family of rule.when.behind ?? []) if (!families.has(family)) errors.push(`${path}: ${rule.id}: behind: no fingerprint family "${family}"`);
    const texts = [rule.text.en, rule.text.id].flatMap((t) => [t.summary, ...t.whereToLook, ...t.nextSteps]);
    for (const text of texts) {
      for (const [, name] of text.matchAll(PLACEHOLDER)) if (!KNOWN_PLACEHOLDERS.has(name ?? '')) errors.push(`${path}: ${rule.id}: unknown placeholder {${name}}`);
    }
    for (const key of ['whereToLook', 'nextSteps'] as const) {
      if (rule.text.en[key].length !== rule.text.id[key].length) errors.push(`${path}: ${rule.id}: text.id.${key} and text.en.${key} differ in length`);
    }
  }
}

/** Reads and validates the file; undefined when it is invalid (the problems are in `errors`). */
export function readElimination(path: string, fingerprints: readonly BuiltFingerprint[], errors: string[]): EliminationData | undefined {
  const file = readYaml(path, errors, 'the rules that name the application by elimination');
  const rules = file && validated(eliminationFileSchema, file.data, path, errors);
  if (rules) checkRules(rules, fingerprints, path, errors);
  return rules;
}
