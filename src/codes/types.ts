/** Types of the built knowledge base (`build/kb.json`), shared by the library, the CLI and the web. */
import type { CodeMeta, CodeProse, ComparisonProse } from './schema.ts';
import type { Locale } from '../i18n/index.ts';

export type { CodeMeta, CodeProse, ComparisonProse, Issuer, Standing, Vendor } from './schema.ts';

/** The class of a status code; `other` for values outside 100-599. */
export type StatusClass = '1xx' | '2xx' | '3xx' | '4xx' | '5xx' | 'other';

/** Prose as the library serves it: the translation pin is a build concern only. */
export type CodeText = Omit<CodeProse, 'source'>;
export type ComparisonText = Omit<ComparisonProse, 'source'>;

/** One meaning of a status code in the knowledge base: its facts (who issues it, retry and cache semantics, spec) and its prose in every language. */
export interface CodeEntry extends CodeMeta {
  /** Stable id: "502", "499-nginx", "502.5-iis-ancm". */
  id: string;
  /** Integer part of the status ("502.3" -> 502, "009" -> 9). */
  code: number;
  /** IIS sub-status ("3" for 502.3), or null. */
  subStatus: string | null;
  /**
   * The status line's code the client receives: the status itself, the base code of an IIS sub-status, the
   * `wireStatus` of a code nginx only logs (494-497 -> "400"), or null when no response is sent at all (444, 499).
   */
  onTheWire: string | null;
  class: StatusClass;
  text: Record<Locale, CodeText>;
}

export interface ComparisonEntry {
  /** "<a>-vs-<b>" in canonical order. */
  id: string;
  a: string;
  b: string;
  text: Record<Locale, ComparisonText>;
}

export interface KnowledgeBase {
  codes: CodeEntry[];
  comparisons: ComparisonEntry[];
}
