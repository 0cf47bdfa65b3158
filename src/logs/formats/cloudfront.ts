/**
 * Amazon CloudFront standard logs: tab-separated W3C entries under `#Version: 1.0` and a `#Fields:` directive
 * (`date time x-edge-location sc-bytes c-ip cs-method cs(Host) cs-uri-stem sc-status … x-edge-result-type
 * x-edge-request-id … time-taken … x-edge-response-result-type … x-edge-detailed-result-type …`). Every log file
 * carries the header, so files joined together repeat it. A line met before any header is read with the legacy
 * fixed field order. Times are UTC. What the fields mean: CloudFront Developer Guide, "Standard logging reference",
 * log file fields (`awsdocs/amazon-cloudfront-developer-guide:doc_source/AccessLogs.md`).
 */
import { BaseParser, KIND, type LineKind } from './line-parser.ts';
import { w3cDirective, W3cFields, w3cRequest } from './w3c-fields.ts';
import type { Cause, Signal } from '../types.ts';

/** x-edge-detailed-result-type values that name an edge failure with the origin, as the guide describes them. */
const ORIGIN_FAILURES: Record<string, Cause> = {
  OriginConnectError: 'refused', // The server couldn't connect to the origin.
  OriginDnsError: 'dns', // The server couldn't resolve the origin's domain name.
  OriginCommError: 'timeout', // The request timed out while connecting to the origin, or reading data from the origin.
  OriginReadError: 'reset', // The server couldn't read from the origin.
  OriginWriteError: 'reset', // The server couldn't write to the origin.
  OriginHeaderTooBigError: 'header-too-big', // A header returned by the origin is too big for the edge server to process.
  OriginInvalidResponseError: 'invalid-response', // The origin returned an invalid response.
  OriginError: 'invalid-response', // The origin returned an incorrect response.
  OriginContentRangeLengthError: 'invalid-response', // Content-Length doesn't match the length in Content-Range.
  OriginZeroSizeObjectError: 'invalid-response', // A zero size object sent from the origin resulted in an error.
  AbortedOrigin: 'upstream-failed', // The server encountered an issue with the origin.
  SlowReaderOriginError: 'upstream-failed', // The viewer was slow to read the message that caused the origin error.
};
/** Result types of requests the edge refused itself: a quota exceeded, or no capacity (503). */
const EDGE_REFUSALS = new Set(['LimitExceeded', 'CapacityExceeded']);

/** The edge's failure with the origin a detailed result type names (documented ones, and others of their family). */
function originFailure(detailed: string): Cause | null {
  const named = ORIGIN_FAILURES[detailed];
  if (named) return named;
  if (!detailed.startsWith('Origin') || detailed === 'OriginShieldHit') return null;
  return /Timeout/.test(detailed) ? 'timeout' : 'upstream-failed';
}

/**
 * Who made a 5xx or a `000` ("the viewer closed the connection before the server could respond"). `detailed` is
 * null when the logs have no x-edge-detailed-result-type column (logs from before it was added).
 */
export function cloudfrontSignal(status: number, resultType: string, detailed: string | null): Signal | null {
  if (status !== 0 && status < 500) return null;
  const evidence = {
    kind: 'cloudfront-result' as const,
    detail: `x-edge-result-type=${resultType || '-'}${detailed === null ? '' : ` x-edge-detailed-result-type=${detailed || '-'}`}`,
  };
  if (status === 0) return { cause: 'client-closed', confidence: 'high', decisive: true, evidence };
  if (EDGE_REFUSALS.has(resultType) || EDGE_REFUSALS.has(detailed ?? '')) return { cause: 'load-shed', confidence: 'high', decisive: true, evidence };
  const failure = originFailure(detailed ?? '');
  if (failure) return { cause: failure, confidence: 'high', decisive: true, evidence };
  // An `Error` result without the detailed type may be the edge's or the origin's; no result type at all says nothing.
  if ((resultType === 'Error' && detailed === null) || (resultType === '' && !detailed)) return { cause: 'unknown', confidence: 'low', decisive: false, evidence, reason: 'no-signals' };
  // The origin's status, relayed or served from the cache (the detailed type `Error` "can occur when the server serves
  // an error response from the cache").
  return { cause: status === 503 ? 'app-overload' : 'app-error', confidence: 'high', decisive: true, evidence };
}

/** The legacy standard log's fields, in the guide's order; older logs end earlier. */
const LEGACY_FIELDS = W3cFields.parse(
  'date time x-edge-location sc-bytes c-ip cs-method cs(Host) cs-uri-stem sc-status cs(Referer) cs(User-Agent) cs-uri-query cs(Cookie) x-edge-result-type x-edge-request-id x-host-header cs-protocol cs-bytes time-taken x-forwarded-for ssl-protocol ssl-cipher x-edge-response-result-type cs-protocol-version fle-status fle-encrypted-fields c-port time-to-first-byte x-edge-detailed-result-type sc-content-type sc-content-len sc-range-start sc-range-end',
);
const RESULT_TYPES = new Set(['Hit', 'RefreshHit', 'Miss', 'LimitExceeded', 'CapacityExceeded', 'Error', 'Redirect']);
/** An edge location as CloudFront names it: an airport code, a number, a capacity suffix (`IAD89-C1`, `ICN51`). */
const EDGE_LOCATION = /^[A-Z]{3}\d{1,3}(?:-[A-Z]\d{1,2})?$/;

export class CloudFrontParser extends BaseParser {
  readonly format = 'cloudfront' as const;
  /** The last `#Fields:` directive; null before any. */
  private fields: W3cFields | null = null;

  parse(buf: Buffer, _text: string, start: number, end: number): LineKind {
    const first = buf[start] as number;
    if (first === 0x23) return this.directive(buf.toString('utf8', start, end));
    // An entry starts with its date.
    if (first < 0x30 || first > 0x39) return KIND.none;
    const values = buf.toString('utf8', start, end).split('\t');
    const fields = this.fields ?? LEGACY_FIELDS;
    const resultType = fields.value(values, 'x-edge-result-type');
    // Without a header, the legacy order is taken only for an entry that fits it: a result type CloudFront writes, or
    // none (a generated sample leaves it empty) after an edge location's name.
    const fits = RESULT_TYPES.has(resultType) || (resultType === '' && EDGE_LOCATION.test(fields.value(values, 'x-edge-location')));
    if (!this.fields && (values.length < 15 || !fits)) return KIND.none;
    const request = w3cRequest(fields, values, fields.value(values, 'date'), fields.value(values, 'time'));
    if (!request) return KIND.none;
    const taken = fields.value(values, 'time-taken');
    const detailed = fields.logged(values, 'x-edge-detailed-result-type') ? fields.value(values, 'x-edge-detailed-result-type') : null;
    return this.accessLine(
      {
        ...request,
        tzOffsetMin: 0,
        requestId: fields.value(values, 'x-edge-request-id'),
        upstream: '',
        connection: '',
        requestTime: taken === '' ? Number.NaN : Number(taken),
        signal: cloudfrontSignal(request.status, resultType, detailed),
        truncatedBy: null,
      },
      false,
    );
  }

  private directive(line: string): LineKind {
    const directive = w3cDirective(line);
    if (!directive) return KIND.none;
    if (directive.name !== 'Fields') return KIND.other;
    const fields = W3cFields.parse(directive.value);
    // Only CloudFront's fields: other W3C logs (IIS) are iis-w3c.ts's to read.
    this.fields = fields.names.some((name) => name.startsWith('x-edge-')) ? fields : null;
    return this.fields ? KIND.other : KIND.none;
  }
}
