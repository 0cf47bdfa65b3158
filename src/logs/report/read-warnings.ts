/**
 * What the reading of an input warns about, before any verdict. When no input gave an access-log request, every
 * input gets a warning saying what it held instead, so a log nobody read never looks like a healthy site; otherwise
 * only inputs that stopped early or whose lines were mostly skipped do.
 */
import type { FileStats } from '../input/index.ts';

/**
 * `read-error`: reading stopped early. `empty`: no line with content. `binary`: more than half of the lines with
 * content were skipped as binary data or invalid UTF-8. `mostly-skipped`: more than half were skipped for another
 * reason (a format or variant httpwhy does not read, a wrapper). `no-requests`: read, but as lines that are no
 * access-log request (an error log, an app log, notices).
 */
export type ReadWarning = 'read-error' | 'empty' | 'binary' | 'mostly-skipped' | 'no-requests';

/** The warning for one input; `noRequests`: no input gave an access-log request. */
export function readWarningOf(stats: FileStats, noRequests: boolean): ReadWarning | null {
  if (stats.error !== null) return 'read-error';
  const content = stats.contentLines;
  if (content === 0) return noRequests ? 'empty' : null;
  const skipped = content - stats.parsed;
  if (skipped * 2 > content) {
    const binary = (stats.skippedBy.get('binary')?.count ?? 0) + (stats.skippedBy.get('invalid-utf8')?.count ?? 0);
    return binary * 2 > skipped ? 'binary' : 'mostly-skipped';
  }
  return noRequests ? 'no-requests' : null;
}
