/**
 * Amazon S3's server access log (S3 User Guide, "Amazon S3 server access log format"): one line per request to a
 * bucket, `bucket-owner bucket [time] remote-ip requester request-id operation key "request-uri" status error-code
 * bytes-sent object-size total-time turn-around-time "referer" "user-agent" version-id host-id …` (later fields:
 * signature version, cipher, authentication type, host header, TLS version, access point ARN, ACL required). S3 is
 * the server that answered: no upstream stands behind it, so its 5xx (500 InternalError, 503 SlowDown) are the
 * service's own, named by the error code it logged. Operations S3 runs itself (lifecycle's `S3.EXPIRE.OBJECT`) log
 * `-` for a status: counted as entries that logged none.
 */
import type { Signal } from '../types.ts';
import { BaseParser, KIND, type LineKind } from './line-parser.ts';
import { ClfTime } from './log-time.ts';
import { splitRequestLine } from './split-fields.ts';

/** Owner, bucket, [time], remote IP, requester, request id, operation (`REST.GET.OBJECT`), key, "request-uri", status, error code. */
const LINE = /^(\S+) (\S+) \[([^\]]+)\] (\S+) (\S+) (\S+) ((?:REST|WEBSITE|BATCH|S3)\.[A-Z_]+(?:\.[A-Z_]+)*) (\S+) "([^"]*)" (\d{3}|-) (\S+) (\S+) (\S+) (\S+) (\S+) /;

/** S3's own 5xx: its error code says which (SlowDown and ServiceUnavailable are it shedding load). */
function s3Signal(status: number, errorCode: string): Signal | null {
  if (status < 500) return null;
  const shed = status === 503 || errorCode === 'SlowDown';
  return { cause: shed ? 'app-overload' : 'app-error', confidence: 'high', decisive: true, evidence: { kind: 'app-status', detail: `${status} ${errorCode}` } };
}

export class S3AccessParser extends BaseParser {
  readonly format = 's3-access' as const;
  private readonly clf = new ClfTime();

  parse(buf: Buffer, _text: string, start: number, end: number): LineKind {
    const m = LINE.exec(buf.toString('utf8', start, end));
    if (!m || !this.clf.parseText(m[3] as string)) return KIND.none;
    const status = m[10] === '-' ? 0 : Number(m[10]);
    const request = splitRequestLine(m[9] as string);
    const totalMs = Number(m[14]);
    return this.accessLine(
      {
        status,
        timeMs: this.clf.ms,
        tzOffsetMin: this.clf.offsetMin,
        client: m[4] as string,
        method: request.method,
        path: request.path,
        requestId: m[6] as string,
        upstream: '',
        connection: '',
        requestTime: Number.isFinite(totalMs) ? totalMs / 1000 : Number.NaN,
        signal: s3Signal(status, m[11] as string),
        truncatedBy: null,
        ...(status === 0 ? { tcp: true as const } : {}),
      },
      false,
    );
  }
}
