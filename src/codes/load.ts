/**
 * Loads the built knowledge base (`build/kb.json`, made by `npm run build:data`) once, and indexes it.
 * The path is the same relative to `src/codes/` and `dist/codes/`.
 */
import { readFileSync } from 'node:fs';
import type { CodeEntry, ComparisonEntry, KnowledgeBase } from './types.ts';

export interface LoadedKb {
  codes: readonly CodeEntry[];
  byId: ReadonlyMap<string, CodeEntry>;
  /** Status as written ("502", "502.3", "009") -> its meanings in canonical order. */
  byStatus: ReadonlyMap<string, readonly CodeEntry[]>;
  comparisons: ReadonlyMap<string, ComparisonEntry>;
}

let cached: LoadedKb | undefined;

export function loadKb(): LoadedKb {
  if (cached) return cached;
  const kb = JSON.parse(readFileSync(new URL('../../build/kb.json', import.meta.url), 'utf8')) as KnowledgeBase;
  const byStatus = new Map<string, CodeEntry[]>();
  for (const entry of kb.codes) {
    const list = byStatus.get(entry.status) ?? [];
    list.push(entry);
    byStatus.set(entry.status, list);
  }
  cached = {
    codes: kb.codes,
    byId: new Map(kb.codes.map((c) => [c.id, c])),
    byStatus,
    comparisons: new Map(kb.comparisons.map((c) => [c.id, c])),
  };
  return cached;
}
