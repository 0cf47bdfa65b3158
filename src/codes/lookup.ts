/** Looking up codes by what a user types: "502", 502, "502.3", "009"; listing with filters. */
import { HttpwhyError } from '../errors.ts';
import { loadKb } from './load.ts';
import { classOf } from './order.ts';
import type { CodeEntry, Issuer, Standing, StatusClass, Vendor } from './types.ts';

const STATUS_SYNTAX = /^\d{3}(\.\d{1,3})?$/;

/** Normalises user input to a status string, or throws HW_ERR_CODES_INVALID_CODE. */
export function parseStatus(input: string | number): string {
  const text = typeof input === 'number' ? (Number.isInteger(input) && input >= 0 ? String(input).padStart(3, '0') : String(input)) : input.trim();
  if (!STATUS_SYNTAX.test(text)) {
    throw new HttpwhyError(
      'HW_ERR_CODES_INVALID_CODE',
      `"${text}" is not an HTTP status code: use three digits such as 404 or 502, or an IIS sub-status such as 502.3.`,
      { input: text },
    );
  }
  return text;
}

/** Every meaning of a status, registry meaning first; empty when httpwhy knows none. */
export function getCode(input: string | number): CodeEntry[] {
  return [...(loadKb().byStatus.get(parseStatus(input)) ?? [])];
}

export function getEntry(id: string): CodeEntry | undefined {
  return loadKb().byId.get(id);
}

/** The registry entry of the status line the client receives for `entry` (see `onTheWire`); undefined when nothing is sent. */
export function wireEntry(entry: CodeEntry): CodeEntry | undefined {
  return entry.onTheWire === null ? undefined : getEntry(entry.onTheWire);
}

/** Known statuses closest to `status`, those of the same class first, for "did you mean" messages. */
export function suggestNear(status: string, limit = 5): string[] {
  const target = Number.parseFloat(status);
  const cls = classOf(Math.trunc(target));
  const rank = (s: string) => (classOf(Math.trunc(Number.parseFloat(s))) === cls ? 0 : 1e6) + Math.abs(Number.parseFloat(s) - target);
  return [...loadKb().byStatus.keys()].toSorted((a, b) => rank(a) - rank(b) || Number.parseFloat(a) - Number.parseFloat(b)).slice(0, limit);
}

/** Like getCode, but an unknown (well-formed) status throws HW_ERR_CODES_UNKNOWN_CODE with its class and near codes. */
export function requireCode(input: string | number): CodeEntry[] {
  const status = parseStatus(input);
  const entries = getCode(status);
  if (entries.length > 0) return entries;
  const code = Number.parseInt(status, 10);
  const cls = classOf(code);
  const near = suggestNear(status);
  throw new HttpwhyError(
    'HW_ERR_CODES_UNKNOWN_CODE',
    `${status} is not a registered or known vendor status code${cls === 'other' ? '' : ` (it would be in the ${cls} class)`}. Near codes: ${near.join(', ')}.`,
    { status, class: cls, suggestions: near },
  );
}

/** Resolves an id ("499-nginx") or a status ("502": its first meaning). */
export function resolveEntry(idOrStatus: string): CodeEntry {
  return getEntry(idOrStatus) ?? (requireCode(idOrStatus)[0] as CodeEntry);
}

/** Filters of {@link listCodes}; every given field must match. */
export interface CodeFilter {
  class?: StatusClass;
  vendor?: Vendor | 'none';
  standing?: Standing;
  issuer?: Issuer;
  /** Integer code: 502 lists 502 and its sub-statuses 502.3, 502.5. */
  code?: number;
}

/** Every code of the knowledge base that passes the filter, in registry order. */
export function listCodes(filter: CodeFilter = {}): CodeEntry[] {
  return loadKb().codes.filter(
    (e) =>
      (filter.class === undefined || e.class === filter.class) &&
      (filter.vendor === undefined || (filter.vendor === 'none' ? e.vendor === null : e.vendor === filter.vendor)) &&
      (filter.standing === undefined || e.standing === filter.standing) &&
      (filter.issuer === undefined || e.issuedBy.includes(filter.issuer)) &&
      (filter.code === undefined || e.code === filter.code),
  );
}
