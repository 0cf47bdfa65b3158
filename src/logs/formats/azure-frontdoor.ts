/**
 * Azure Front Door access log (`FrontdoorAccessLog` of Front Door classic, `FrontDoorAccessLog` of Standard and
 * Premium) and Azure CDN from Microsoft's `AzureCdnAccessLog`, as Azure Monitor writes it. Per
 * learn.microsoft.com/azure/frontdoor/front-door-diagnostics (MicrosoftDocs/azure-docs
 * articles/frontdoor/front-door-diagnostics.md): `httpStatusCode` is what Front Door returned, **0** when the request
 * to the origin timed out and 499 when the client closed the connection; `ErrorInfo` names the error met while
 * processing the request (`NoError` when there was none, so a 5xx with `NoError` is the origin's);
 * `isReceivedFromClient` false marks the origin shield's record of a request the edge also logged; `timeTaken` is in
 * seconds. The health-probe and WAF logs, and Activity Log events exported with them, are recognised and carry nothing
 * to count.
 */
import { azureRecord, azureRequest, isActivityLog, prop, statusProp } from './azure-record.ts';
import { pathOfUrl } from './split-fields.ts';
import { BaseParser, KIND, type LineKind } from './line-parser.ts';
import type { Cause, Signal } from '../types.ts';

/** `ErrorInfo` values of the access-log table that name Front Door's own failure. */
const ERROR_INFO: Record<string, Cause> = {
  OriginTimeout: 'timeout',
  OriginConnectionRefused: 'refused',
  OriginConnectionAborted: 'reset',
  OriginConnectionError: 'connect-failed',
  OriginInvalidResponse: 'invalid-response',
  OriginError: 'upstream-failed',
  ResponseHeaderTooBig: 'header-too-big',
  DNSFailure: 'dns',
  DNSTimeout: 'dns',
  DNSNameNotResolved: 'dns',
  SSLHandshakeError: 'tls',
  SSLInvalidRootCA: 'tls',
  SSLInvalidCipher: 'tls',
  CertificateError: 'tls',
  CertificateNameCheckFailed: 'tls',
  ClientDisconnected: 'client-closed',
  RestrictedIP: 'proxy-config',
  ClientGeoBlocked: 'proxy-config',
  InvalidRequest: 'proxy-config',
  UnspecifiedError: 'upstream-failed',
};
/**
 * The access log's categories: Front Door's, and `AzureCdnAccessLog` of Azure CDN from Microsoft (classic), which
 * runs on Front Door's edge and writes the same properties (Azure CDN's "Diagnostic logs", raw logs).
 */
const ACCESS_CATEGORIES = new Set(['frontdooraccesslog', 'azurecdnaccesslog']);
const BY_STATUS: Record<number, Cause> = { 500: 'proxy-config', 502: 'upstream-failed', 503: 'no-live-upstream', 504: 'timeout' };

export function frontDoorSignal(status: number, errorInfo: string): Signal | null {
  if (status !== 0 && status !== 499 && status < 500) return null;
  const evidence = { kind: 'azure-error-info' as const, detail: `httpStatusCode=${status} ErrorInfo=${errorInfo || '-'}` };
  const byInfo = ERROR_INFO[errorInfo];
  if (byInfo) return { cause: byInfo, confidence: 'high', decisive: true, evidence };
  if (status === 0) return { cause: 'timeout', confidence: 'high', decisive: true, evidence };
  if (errorInfo === 'NoError') return { cause: status === 503 ? 'app-overload' : 'app-error', confidence: 'high', decisive: true, evidence };
  if (errorInfo === '') return null;
  return { cause: BY_STATUS[status] ?? 'upstream-failed', confidence: 'medium', decisive: true, evidence };
}

export class AzureFrontDoorParser extends BaseParser {
  readonly format = 'azure-frontdoor' as const;

  parse(buf: Buffer, _text: string, start: number, end: number): LineKind {
    const record = azureRecord(buf.toString('utf8', start, end));
    if (!record) return KIND.none;
    if (!ACCESS_CATEGORIES.has(record.category)) return record.category.startsWith('frontdoor') || isActivityLog(record) ? KIND.other : KIND.none;
    const status = statusProp(record, 'httpstatuscode');
    if (Number.isNaN(status)) return KIND.other;
    // The origin shield answering the edge: the edge's own record is the client's request.
    if (record.props.get('isreceivedfromclient') === false) return KIND.other;
    const taken = Number(prop(record, 'timetaken') || Number.NaN);
    return this.accessLine(
      {
        ...azureRequest(record, status),
        path: pathOfUrl(prop(record, 'requesturi')),
        requestId: prop(record, 'trackingreference'),
        upstream: prop(record, 'originip', 'originname', 'backendhostname').replace(/^N\/A$/, ''),
        connection: '',
        requestTime: taken,
        signal: frontDoorSignal(status, prop(record, 'errorinfo')),
        truncatedBy: null,
      },
      false,
    );
  }
}
