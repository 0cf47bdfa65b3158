/**
 * The report's text in the reader's language: the logs section of the interface-string catalogues
 * (src/i18n/en-logs.ts, id-logs.ts) and their shared confidence labels. The type names every cause, evidence kind,
 * unknown reason, skip reason, file role, missing log fact and proxy, so a label missing in either language fails
 * the type-check.
 */
import { messages, type Locale, type Messages } from '../../i18n/index.ts';
import type { LogGap } from '../analysis/index.ts';
import type { SkipReason } from '../input/index.ts';
import type { SetupProxy } from './log-setup-config.ts';
import type { Cause, Confidence, EvidenceKind, FileRole, IssuerClass, UnknownReason } from '../types.ts';

export interface LogsText {
  locale: Locale;
  ui: Messages['logs']['ui'];
  roles: Record<FileRole, string>;
  classes: Record<IssuerClass, string>;
  confidence: Record<Confidence, string>;
  causes: Record<Cause, { label: string; next: string }>;
  reasons: Record<UnknownReason, string>;
  evidence: Record<EvidenceKind, string>;
  skip: Record<SkipReason, string>;
  setup: Omit<Messages['logs']['setup'], 'gaps' | 'where'> & { gaps: Record<LogGap, string>; where: Record<SetupProxy, string> };
}

export function logsText(locale: Locale): LogsText {
  const m = messages(locale);
  return { ...m.logs, confidence: m.confidence, locale };
}
