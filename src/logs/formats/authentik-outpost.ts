/**
 * authentik's outposts (goauthentik/authentik, its proxy and LDAP outposts in Go) log JSON records of their own: the
 * proxy outpost one per request, logger `authentik.outpost.proxyv2.application`, `event` the path, with `method`,
 * `host`, `status`, `size` and `remote` (internal/outpost/proxyv2/application's request logger), and before
 * it, when the upstream failed, the warning `"event":"Error proxying to upstream server"` with the Go error, for which
 * the outpost answers 502 itself (its reverse proxy's error handler). A 502 right after such a warning is the
 * outpost's; any other is undecided. The warning names no request and concurrent requests interleave their records,
 * so it counts for the next record only, at medium confidence. The outposts' other records (API controller, LDAP) are
 * no requests.
 */
import type { Cause, Signal } from '../types.ts';
import { causeOfMessage } from './error-causes.ts';
import { firstString, parseJsonObject } from './json-fields.ts';
import { BaseParser, KIND, type LineKind } from './line-parser.ts';
import { parseIsoTime } from './log-time.ts';

const OWN_RECORD = /"logger":"authentik\.outpost\.|"event":"Error proxying to upstream server"/;
const REQUEST_LOGGER = 'authentik.outpost.proxyv2.application';

export const isAuthentikOutpostMark = (line: string): boolean => OWN_RECORD.test(line);

export class AuthentikOutpostParser extends BaseParser {
  readonly format = 'authentik-outpost' as const;
  /** The upstream failure the outpost warned about, for the 502 of the record right after it. */
  private failure: { error: string; cause: Cause } | null = null;

  parse(buf: Buffer, _text: string, start: number, end: number): LineKind {
    const record = parseJsonObject(buf.toString('utf8', start, end));
    if (!record || typeof record.event !== 'string') return KIND.none;
    const warned = this.failure;
    this.failure = null;
    if (record.event === 'Error proxying to upstream server') {
      const error = firstString(record, ['error']);
      this.failure = { error: error || record.event, cause: causeOfMessage(error) ?? 'upstream-failed' };
      return KIND.other;
    }
    if (record.logger !== REQUEST_LOGGER || typeof record.status !== 'number') return typeof record.logger === 'string' ? KIND.other : KIND.none;
    const status = record.status;
    const failure = status === 502 ? warned : null;
    const signal: Signal | null = failure ? { cause: failure.cause, confidence: 'medium', decisive: true, evidence: { kind: 'error-log', detail: failure.error } } : null;
    return this.accessLine(
      {
        status,
        timeMs: parseIsoTime(firstString(record, ['timestamp'])).ms,
        tzOffsetMin: 0,
        client: firstString(record, ['remote']).replace(/:\d+$/, ''),
        method: firstString(record, ['method']),
        path: record.event,
        requestId: '',
        upstream: '',
        connection: '',
        // Its `runtime` field's unit is not documented: not read.
        requestTime: Number.NaN,
        signal,
        truncatedBy: null,
      },
      false,
    );
  }
}
