/**
 * Azure API Management's `GatewayLogs` (learn.microsoft.com/azure/api-management/gateway-log-schema-reference), one
 * JSON record per request in any of the three shapes people export: Azure Monitor's resource log (`category`
 * "GatewayLogs", the request's fields in `properties`), the self-hosted gateway's own log (the same fields at the top
 * level), and a row of Log Analytics' `ApiManagementGatewayLogs` table (`ResponseCode`, `BackendResponseCode`,
 * `LastErrorReason`…). Who made a 5xx: `lastError` names the gateway's own failure (its `forward-request` could not
 * reach or hear the backend, a policy failed); a `backendResponseCode` equal to the one sent is the backend's own;
 * otherwise undecided.
 */
import type { Buffer } from 'node:buffer';
import type { Cause, Signal } from '../types.ts';
import { firstProp } from './azure-record.ts';
import { parseJsonObject, type JsonObject } from './json-fields.ts';
import { BaseParser, KIND, type LineKind } from './line-parser.ts';
import { parseIsoTime } from './log-time.ts';
import { pathOfUrl } from './split-fields.ts';

/** The record's fields, top level and `properties` (and `lastError`'s as `lasterror…`), with lower-cased keys. */
function fieldsOf(obj: JsonObject): Map<string, unknown> {
  const fields = new Map<string, unknown>();
  const add = (source: JsonObject, prefix = ''): void => {
    for (const [key, value] of Object.entries(source)) {
      const name = prefix + key.toLowerCase();
      if ((name === 'properties' || name === 'lasterror') && typeof value === 'object' && value !== null) add(value as JsonObject, name === 'lasterror' ? 'lasterror' : '');
      else fields.set(name, value);
    }
  };
  add(obj);
  return fields;
}

const text = (fields: ReadonlyMap<string, unknown>, ...keys: string[]): string => firstProp(fields, keys);

/** What the gateway's own last error says happened, from its reason and message. */
const ERROR_CAUSES: Array<[RegExp, Cause]> = [
  [/ClientConnectionFailure/, 'client-closed'],
  [/timed? ?out|Timeout/i, 'timeout'],
  [/unexpectedly closed|reset/i, 'reset'],
  [/BackendConnectionFailure|connect|No such host|name resolution/i, 'connect-failed'],
];

export function apimSignal(status: number, backendStatus: string, lastError: string): Signal | null {
  if (status < 500) return null;
  const evidence = { kind: 'azure-error-info' as const, detail: `responseCode=${status} backendResponseCode=${backendStatus || '-'}${lastError === '' ? '' : ` lastError=${lastError}`}` };
  const failure = ERROR_CAUSES.find(([pattern]) => pattern.test(lastError))?.[1];
  if (failure) return { cause: failure, confidence: 'high', decisive: true, evidence };
  if (backendStatus === String(status)) return { cause: status === 503 ? 'app-overload' : 'app-error', confidence: 'high', decisive: true, evidence };
  // Any other error is the gateway's own (a policy that failed, an operation it could not match).
  if (lastError !== '') return { cause: 'proxy-config', confidence: 'medium', decisive: true, evidence };
  return null;
}

export class AzureApimParser extends BaseParser {
  readonly format = 'azure-apim' as const;

  parse(buf: Buffer, _text: string, start: number, end: number): LineKind {
    const line = buf.toString('utf8', start, end);
    if (!/"category"\s*:\s*"GatewayLogs"/i.test(line)) return KIND.none;
    const obj = parseJsonObject(line);
    if (!obj) return KIND.none;
    const fields = fieldsOf(obj);
    const status = Number(text(fields, 'responsecode'));
    if (!(status >= 100 && status <= 999)) return KIND.other;
    const time = text(fields, 'time', 'timegenerated', 'timestamp');
    const lastError = [text(fields, 'lasterrorsource'), text(fields, 'lasterrorreason'), text(fields, 'lasterrormessage')].filter(Boolean).join(': ');
    const taken = Number(text(fields, 'totaltime', 'durationms') || Number.NaN);
    return this.accessLine(
      {
        status,
        timeMs: time === '' ? Number.NaN : parseIsoTime(time).ms,
        tzOffsetMin: 0,
        client: text(fields, 'calleripaddress'),
        method: text(fields, 'method'),
        path: pathOfUrl(text(fields, 'url')),
        requestId: text(fields, 'correlationid'),
        upstream: text(fields, 'backendurl'),
        connection: '',
        requestTime: taken / 1000,
        signal: apimSignal(status, text(fields, 'backendresponsecode'), lastError),
        truncatedBy: null,
      },
      false,
    );
  }
}
