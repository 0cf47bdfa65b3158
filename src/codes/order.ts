/** Canonical ordering of entries: by number, then registry meanings before vendor ones, then id. */
import type { StatusClass } from './types.ts';

const STANDING_RANK: Record<string, number> = { iana: 0, temporary: 1, historic: 2, joke: 3, vendor: 4, unofficial: 5 };

export interface Orderable {
  id: string;
  status: string;
  standing: string;
}

export function compareEntries(a: Orderable, b: Orderable): number {
  return (
    Number.parseFloat(a.status) - Number.parseFloat(b.status) ||
    (STANDING_RANK[a.standing] ?? 9) - (STANDING_RANK[b.standing] ?? 9) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** The class of a status: `5xx` for 502, `other` for values outside 100-599 (such as nginx's 009). */
export function classOf(code: number): StatusClass {
  if (code >= 100 && code < 600) return `${Math.floor(code / 100)}xx` as StatusClass;
  return 'other';
}

/** "502.3" -> { code: 502, subStatus: "3" }. */
export function splitStatus(status: string): { code: number; subStatus: string | null } {
  const [main = '', sub] = status.split('.');
  return { code: Number.parseInt(main, 10), subStatus: sub ?? null };
}
