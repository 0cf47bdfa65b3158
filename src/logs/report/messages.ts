/**
 * Report text in English and Indonesian, written in `data/logs/<locale>.yaml` and loaded from
 * `build/logs-text.json` (build-text.ts). Every key below must exist in both files; the build checks it, so a
 * missing translation fails loudly instead of printing `undefined`.
 */
import { readFileSync } from 'node:fs';
import { HttpwhyError } from '../../errors.ts';
import { SKIP_REASONS, type SkipReason } from '../input/index.ts';
import { CAUSES, EVIDENCE_KINDS, UNKNOWN_REASONS, type Cause, type Confidence, type EvidenceKind, type IssuerClass, type UnknownReason } from '../types.ts';

export const LOGS_LOCALES = ['en', 'id'] as const;
export type LogsLocale = (typeof LOGS_LOCALES)[number];

export const UI_KEYS = [
  'title', 'files', 'format', 'role', 'lines', 'parsed', 'skipped', 'requests', 'timeRange', 'verdicts', 'noVerdicts',
  'byClass', 'byCause', 'cause', 'count', 'share', 'status', 'statuses', 'topRoutes', 'topUpstreams', 'appMessages',
  'timeline', 'timelineTotal', 'nextStep', 'hidden', 'truncated', 'nonHttp', 'unknownWhy', 'errorLog', 'errorLogLinked',
  'errorLogUnlinked', 'correlation', 'byRequestId', 'byTimeWindow', 'linkedErrorLog', 'appLines', 'pending', 'confidence',
  'examples', 'time', 'request', 'requestId', 'upstream', 'evidence', 'where', 'detected', 'forced', 'mixed', 'invalidUtf8',
  'readError', 'approximate', 'generatedBy', 'skippedWhy', 'continued', 'stackTrace', 'moreLines',
  'failOnCrossed',
] as const;
export type UiKey = (typeof UI_KEYS)[number];

export interface LogsText {
  locale: LogsLocale;
  ui: Record<UiKey, string>;
  classes: Record<IssuerClass, string>;
  confidence: Record<Confidence, string>;
  causes: Record<Cause, { label: string; next: string }>;
  reasons: Record<UnknownReason, string>;
  evidence: Record<EvidenceKind, string>;
  skip: Record<SkipReason, string>;
}

const REQUIRED: Record<string, readonly string[]> = {
  ui: UI_KEYS,
  classes: ['app', 'proxy', 'unknown'],
  confidence: ['high', 'medium', 'low'],
  causes: CAUSES,
  reasons: UNKNOWN_REASONS,
  evidence: EVIDENCE_KINDS,
  skip: SKIP_REASONS,
};

/** Missing keys of a parsed text file, as `section.key` (cause entries need `label` and `next`). */
export function missingKeys(data: unknown): string[] {
  const missing: string[] = [];
  const root = (typeof data === 'object' && data !== null ? data : {}) as Record<string, Record<string, unknown> | undefined>;
  for (const [section, keys] of Object.entries(REQUIRED)) {
    for (const key of keys) {
      const value = root[section]?.[key];
      const ok = section === 'causes' ? typeof value === 'object' && value !== null && 'label' in value && 'next' in value : typeof value === 'string';
      if (!ok) missing.push(`${section}.${key}`);
    }
  }
  return missing;
}

export function resolveLocale(value: string | undefined): LogsLocale {
  const locale = value ?? 'en';
  if (!(LOGS_LOCALES as readonly string[]).includes(locale)) {
    throw new HttpwhyError('HW_ERR_LOGS_BAD_OPTION', `Unknown language "${locale}". Use ${LOGS_LOCALES.join(' or ')}.`, { lang: locale });
  }
  return locale as LogsLocale;
}

let loaded: Record<LogsLocale, Omit<LogsText, 'locale'>> | undefined;

export function logsText(locale: LogsLocale): LogsText {
  loaded ??= JSON.parse(readFileSync(new URL('../../../build/logs-text.json', import.meta.url), 'utf8')) as Record<LogsLocale, Omit<LogsText, 'locale'>>;
  return { ...loaded[locale], locale };
}
