/**
 * Azure Application Gateway access log (`ApplicationGatewayAccessLog`), as Azure Monitor writes it to storage or a
 * stream. Per learn.microsoft.com/azure/application-gateway/application-gateway-diagnostics (MicrosoftDocs/azure-docs
 * articles/application-gateway/application-gateway-diagnostics.md): `httpStatus` is what the gateway returned to
 * the client, `serverStatus` what the backend server returned, `serverRouted` the backend, `timeTaken` in seconds
 * (v2) or milliseconds (v1), and `error_info` the reason for a 4xx or 5xx the gateway could not complete. v1 writes
 * the backend's status and address into `requestQuery` (`SERVER-STATUS=`, `SERVER-ROUTED=`). The gateway's other
 * logs (firewall, performance) and Activity Log events exported with them are recognised and carry nothing to count.
 */
import { azureRecord, azureRequest, isActivityLog, prop, statusProp, type AzureRecord } from './azure-record.ts';
import { BaseParser, KIND, type LineKind } from './line-parser.ts';
import type { Cause, Signal } from '../types.ts';

/** The `error_info` values of the 5xx table, and the client's own close. */
const ERROR_INFO: Record<string, Cause> = {
  ERRORINFO_UPSTREAM_NO_LIVE: 'no-live-upstream',
  ERRORINFO_UPSTREAM_CLOSED_CONNECTION: 'reset',
  ERRORINFO_UPSTREAM_TIMED_OUT: 'timeout',
  ERRORINFO_CLIENT_CLOSED_REQUEST: 'client-closed',
};
const NO_ERROR = new Set(['', 'ERRORINFO_NO_ERROR']);
const BY_STATUS: Record<number, Cause> = { 500: 'proxy-config', 502: 'upstream-failed', 503: 'no-live-upstream', 504: 'timeout' };

export interface AppGatewayFields {
  status: number;
  /** The backend's status as logged ('-' or '' when it sent none); undefined when the record has no such field. */
  serverStatus: string | undefined;
  errorInfo: string;
}

export function appGatewaySignal({ status, serverStatus, errorInfo }: AppGatewayFields): Signal | null {
  if (status < 500 && status !== 499) return null;
  const detail = [`httpStatus=${status}`, serverStatus === undefined ? '' : `serverStatus=${serverStatus || '-'}`, errorInfo ? `error_info=${errorInfo}` : ''].filter(Boolean).join(' ');
  const evidence = { kind: 'azure-error-info' as const, detail };
  const byInfo = ERROR_INFO[errorInfo];
  if (byInfo) return { cause: byInfo, confidence: 'high', decisive: true, evidence };
  if (serverStatus === String(status)) return { cause: status === 503 ? 'app-overload' : 'app-error', confidence: 'high', decisive: true, evidence };
  if (serverStatus === undefined && NO_ERROR.has(errorInfo)) return null;
  const answered = serverStatus !== undefined && /^\d{3}$/.test(serverStatus);
  // The backend answered something else, or nothing, and the gateway wrote this status itself.
  return { cause: BY_STATUS[status] ?? 'upstream-failed', confidence: answered || !NO_ERROR.has(errorInfo) ? 'medium' : 'high', decisive: true, evidence };
}

/** v1 keeps the backend's status, address and the log id in `requestQuery`. */
function v1Query(record: AzureRecord): URLSearchParams | null {
  const query = prop(record, 'requestquery');
  return /(?:^|&)SERVER-(?:STATUS|ROUTED)=/.test(query) ? new URLSearchParams(query) : null;
}

export class AzureAppGatewayParser extends BaseParser {
  readonly format = 'azure-appgw' as const;

  parse(buf: Buffer, _text: string, start: number, end: number): LineKind {
    const record = azureRecord(buf.toString('utf8', start, end));
    if (!record) return KIND.none;
    if (record.category !== 'applicationgatewayaccesslog') {
      return record.category.startsWith('applicationgateway') || isActivityLog(record) ? KIND.other : KIND.none;
    }
    const status = statusProp(record, 'httpstatus');
    if (Number.isNaN(status)) return KIND.none;
    const v1 = v1Query(record);
    const v2 = record.props.has('serverstatus') || record.props.has('error_info') || record.props.has('transactionid');
    const serverStatus = v1 ? (v1.get('SERVER-STATUS') ?? undefined) : record.props.has('serverstatus') ? prop(record, 'serverstatus') : undefined;
    const taken = Number(prop(record, 'timetaken') || Number.NaN);
    const query = v1 ? '' : prop(record, 'requestquery');
    return this.accessLine(
      {
        ...azureRequest(record, status),
        path: prop(record, 'originalrequesturiwithargs') || prop(record, 'requesturi') + (query ? `?${query}` : ''),
        requestId: prop(record, 'transactionid') || (v1?.get('X-AzureApplicationGateway-LOG-ID') ?? ''),
        upstream: prop(record, 'serverrouted') || (v1?.get('SERVER-ROUTED') ?? ''),
        connection: '',
        requestTime: v2 ? taken : taken / 1000,
        signal: appGatewaySignal({ status, serverStatus, errorInfo: prop(record, 'error_info', 'errorinfo') }),
        truncatedBy: null,
      },
      false,
    );
  }
}
