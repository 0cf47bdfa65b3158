/** One-language views of entries: the shape the CLI's --json and the HTTP API both emit. */
import type { CodeEntry, CodeText } from './types.ts';
import type { Locale } from '../i18n/index.ts';

export type LocalizedEntry = Omit<CodeEntry, 'text'> & { locale: Locale; text: CodeText };

export function localizeEntry(entry: CodeEntry, locale: Locale): LocalizedEntry {
  const { text, ...facts } = entry;
  return { ...facts, locale, text: text[locale] };
}

export interface EntrySummary {
  id: string;
  status: string;
  reason: string;
  title: string;
  class: CodeEntry['class'];
  standing: CodeEntry['standing'];
  vendor: CodeEntry['vendor'];
  summary: string;
}

export function summarizeEntry(entry: CodeEntry, locale: Locale): EntrySummary {
  const t = entry.text[locale];
  return { id: entry.id, status: entry.status, reason: entry.reason, title: t.title, class: entry.class, standing: entry.standing, vendor: entry.vendor, summary: t.summary };
}
