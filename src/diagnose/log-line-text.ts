/** What the log analyzer says about a pasted access-log line, in the report's language: its cause with the facts behind it, and the next step. */
import { messages, type Locale } from '../i18n/index.ts';
import type { PastedLogEntry } from '../logs/index.ts';

export function loggedCause(entry: PastedLogEntry, locale: Locale): { cause: string; next: string } | null {
  if (entry.cause === 'unknown') return null;
  const logs = messages(locale).logs;
  const facts = entry.evidence.map((e) => `${logs.evidence[e.kind]}: ${e.detail.trim()}`).join('; ');
  const { label, next } = logs.causes[entry.cause];
  return { cause: facts === '' ? label : `${label} (${facts})`, next };
}

/**
 * The log line's own fields say the component that wrote it answered (Pound's e503, authentik's warning before its
 * 502); a body size that matches a proxy's page is a guess about the page, not what the writer logged.
 */
export const writerAnswered = (entry: PastedLogEntry): boolean => entry.issuer === 'proxy' && entry.evidence.some((e) => e.kind !== 'error-page-size');
