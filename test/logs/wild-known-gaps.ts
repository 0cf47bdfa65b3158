/**
 * The wild corpus's rows httpwhy gets wrong today, in one place: keyed by file, with the checks that fail and why.
 * wild-corpus.test.ts runs exactly these checks with `it.fails`, so a row that starts passing turns the test red
 * and leaves this table. Only the checks of a row (requests, format, 5xx by class) may be listed: the guard
 * against a clean report of an unread log must hold for every row.
 */
import type { Check } from './wild-corpus.ts';

export interface KnownGap {
  fails: readonly Check[];
  reason: string;
}

export const KNOWN_GAPS: Record<string, KnownGap> = {};
