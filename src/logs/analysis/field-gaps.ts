/**
 * The log-setup doctor's tally: per access file, the entries whose verdict stayed unknown or weak, and which of
 * the facts that would have decided them their lines lack. The report (report/log-setup.ts) names each missing
 * fact with the proxy's own field and prints the configuration that adds it.
 */
import type { Classification } from './classify.ts';
import type { AccessRecord } from '../types.ts';

/**
 * What a weak verdict's line lacks: the proxy's upstream fields (who answered), nginx's upstream timings (its own
 * 502/504 from the upstream's), the cause of a proxy-made failure (the proxy's error log), a request id (the join
 * to the app log).
 */
export const LOG_GAPS = ['upstream-fields', 'upstream-timing', 'cause', 'request-id'] as const;
/** What a weak verdict's line lacks: one of {@link LOG_GAPS}. */
export type LogGap = (typeof LOG_GAPS)[number];

/** One access file's weak verdicts, and how many of them lacked each fact. */
export interface FileGaps {
  weak: number;
  gaps: Record<LogGap, number>;
}

/** Unknown, proxy-made with no cause, low confidence, or joined to the app log only by time and path. */
function isWeak(c: Classification): boolean {
  return c.cause === 'unknown' || c.cause === 'upstream-failed' || c.confidence === 'low' || c.correlation === 'time-window';
}

export class FieldGaps {
  /** One entry per access file: bounded by the inputs. */
  readonly byFile = new Map<string, FileGaps>();

  add(record: AccessRecord, file: string, c: Classification): void {
    if (!isWeak(c)) return;
    let entry = this.byFile.get(file);
    if (!entry) {
      entry = { weak: 0, gaps: { 'upstream-fields': 0, 'upstream-timing': 0, cause: 0, 'request-id': 0 } };
      this.byFile.set(file, entry);
    }
    entry.weak++;
    const { gaps } = entry;
    if (record.signal === null && record.status >= 500) gaps['upstream-fields']++;
    if (c.reason === 'ambiguous-upstream-status') gaps['upstream-timing']++;
    if (c.cause === 'upstream-failed') gaps.cause++;
    if (record.requestId === '') gaps['request-id']++;
  }
}
