/**
 * CSV (RFC 4180) of check rows. Cells come from the input list and from servers, so a text cell that a
 * spreadsheet would run as a formula (= + - @, tab, CR) is prefixed with an apostrophe.
 */
import { FLAT_COLUMNS, flattenRow } from './flat-row.ts';
import type { BulkRow } from './types.ts';

function cell(value: string | number | boolean | null): string {
  if (value === null) return '';
  if (typeof value !== 'string') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export const CSV_HEADER = `${FLAT_COLUMNS.join(',')}\r\n`;

export function csvLine(row: BulkRow): string {
  const flat = flattenRow(row);
  return `${FLAT_COLUMNS.map((column) => cell(flat[column])).join(',')}\r\n`;
}
