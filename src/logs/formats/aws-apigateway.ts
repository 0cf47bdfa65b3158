/**
 * Amazon API Gateway access logs as CloudWatch Logs or Firehose deliver them: one JSON object per request, its keys
 * chosen by the operator from `$context` variables. The console's JSON formats name them `requestId`, `ip`,
 * `requestTime` (CLF), `httpMethod`, `resourcePath` (REST) or `routeKey` (HTTP APIs), `status`, `protocol`,
 * `responseLength` (API Gateway Developer Guide, "Set up CloudWatch logging" and "Customize HTTP API access logs");
 * WebSocket APIs' `eventType`, `routeKey` (`$connect`) and `connectionId` instead of a method and a path.
 * Who made a 5xx is in the integration's fields when the format logs them (`$context.integrationStatus` or
 * `$context.integration.status`, `$context.integrationErrorMessage`, `$context.error.message`): the integration's own
 * 5xx relayed is the backend's; a 5xx with no integration status, or after an integration that answered 2xx (a
 * malformed Lambda proxy response), is API Gateway's. Without those fields a 5xx stays undecided.
 */
import { Buffer } from 'node:buffer';
import type { Cause, Signal } from '../types.ts';
import { firstString, parseJsonObject, type JsonObject } from './json-fields.ts';
import { BaseParser, KIND, type LineKind } from './line-parser.ts';
import { ClfTime, parseIsoTime } from './log-time.ts';

const INTEGRATION_STATUS = ['integrationStatus', 'integration.status', 'integration.integrationStatus', 'integration_status'];
const ERROR_MESSAGE = ['integrationErrorMessage', 'integration.error', 'errorMessage', 'error.message', 'errorResponseType', 'integration_error_message', 'error_message'];

/**
 * API Gateway's own error messages and gateway response types, in its access logs' error fields and its execution
 * log's sentences (apigateway-execution.ts), and what they say happened. The first that matches decides: a malformed
 * Lambda response is named before the "configuration error" its sentence starts with.
 */
const MESSAGE_CAUSES: Array<[RegExp, Cause]> = [
  [/timed out|INTEGRATION_TIMEOUT|timeout/i, 'timeout'],
  [/Malformed Lambda proxy response|invalid JSON|Unable to transform response|INTEGRATION_FAILURE/i, 'invalid-response'],
  [/customer function error|Lambda invocation failed/i, 'upstream-failed'],
  [/configuration error|Invalid permissions|Internal server error|internal error|API_CONFIGURATION_ERROR/i, 'proxy-config'],
  [/THROTTLED|Too Many Requests|QUOTA_EXCEEDED|Limit Exceeded/i, 'load-shed'],
  [/connect|unreachable|DNS|SSL|certificate/i, 'connect-failed'],
];

/** What an API Gateway error message says happened; a failure it does not name is the integration's. */
export const gatewayCause = (message: string): Cause => MESSAGE_CAUSES.find(([pattern]) => pattern.test(message))?.[1] ?? 'upstream-failed';

/** The first of `keys` the record sets (API Gateway logs an unset variable as "-"), else ''. */
const setValue = (obj: JsonObject, keys: readonly string[]): string => keys.map((key) => firstString(obj, [key])).find((v) => v !== '' && v !== '-') ?? '';

/**
 * A 4xx with the integration's status logged as not set and an error of API Gateway's own (an authorizer's
 * "Unauthorized", "Missing Authentication Token", a WAF or throttling refusal): the gateway refused before calling
 * the integration. The analyzer explains only 5xx; a pasted line's 4xx is named by this.
 */
function ownRefusal(obj: JsonObject): Signal | null {
  if (!INTEGRATION_STATUS.some((key) => key in obj)) return null;
  const integration = setValue(obj, INTEGRATION_STATUS);
  const message = setValue(obj, ERROR_MESSAGE);
  if (integration !== '' || message === '') return null;
  return { cause: 'proxy-config', confidence: 'medium', decisive: true, evidence: { kind: 'apigateway-integration', detail: `integrationStatus=- error=${message}` } };
}

/** Who made a 4xx or 5xx, from the integration's fields the format logs; null when it logs none of them. */
function apigatewaySignal(status: number, obj: JsonObject): Signal | null {
  if (status < 400) return null;
  if (status < 500) return ownRefusal(obj);
  const logged = INTEGRATION_STATUS.some((key) => firstString(obj, [key]) !== '') || ERROR_MESSAGE.some((key) => firstString(obj, [key]) !== '');
  if (!logged) return null;
  const integration = firstString(obj, INTEGRATION_STATUS);
  const message = firstString(obj, ERROR_MESSAGE);
  const evidence = { kind: 'apigateway-integration' as const, detail: `integrationStatus=${integration || '-'}${message === '' ? '' : ` error=${message}`}` };
  if (integration === String(status) && message === '') return { cause: status === 503 ? 'app-overload' : 'app-error', confidence: 'high', decisive: true, evidence };
  // The integration answered, but not with this status: API Gateway could not use its answer (a malformed Lambda proxy response).
  if (/^[23]\d\d$/.test(integration) && message === '') return { cause: 'invalid-response', confidence: 'high', decisive: true, evidence };
  return { cause: gatewayCause(message), confidence: 'high', decisive: true, evidence };
}

export class ApiGatewayParser extends BaseParser {
  readonly format = 'aws-apigateway' as const;
  private readonly clf = new ClfTime();

  parse(buf: Buffer, text: string, start: number, end: number): LineKind {
    if (text.charCodeAt(start) !== 123) return KIND.none;
    // Parsed only when it has API Gateway's keys: other formats' JSON lines pass by unparsed.
    const line = buf.toString('utf8', start, end);
    // WebSocket APIs log no method: their console format has the route key, the event type and the connection id.
    const websocket = line.includes('"connectionId"') && line.includes('"eventType"') && line.includes('"routeKey"');
    // The same variables under snake_case keys, as some deployments name them (AWS's Centralized Logging with OpenSearch).
    const snake = line.includes('"http_method"') && (line.includes('"resource_path"') || line.includes('"route_key"'));
    // `extendedRequestId` is API Gateway's own variable: a format without the resource path still names the gateway.
    const rest = line.includes('"resourcePath"') || line.includes('"routeKey"') || line.includes('"extendedRequestId"');
    if (!websocket && !snake && (!line.includes('"httpMethod"') || !rest)) return KIND.none;
    const obj = parseJsonObject(line);
    if (!obj) return KIND.none;
    const status = Number(firstString(obj, ['status', 'status_code']));
    if (!(status >= 100 && status <= 999)) return KIND.none;
    const time = this.timeOf(firstString(obj, ['requestTime', 'request_time']), firstString(obj, ['requestTimeEpoch', 'request_time_epoch']));
    const route = firstString(obj, ['routeKey', 'route_key']);
    const path = firstString(obj, ['path', 'resourcePath', 'resource_path']) || route.replace(/^\S+ /, '');
    return this.accessLine(
      {
        status,
        timeMs: time.ms,
        tzOffsetMin: time.offsetMin,
        client: firstString(obj, ['ip', 'sourceIp', 'identity.sourceIp', 'client_ip', 'source_ip']),
        method: firstString(obj, ['httpMethod', 'http_method']),
        path,
        requestId: firstString(obj, ['requestId', 'extendedRequestId', 'request_id', 'extended_request_id']),
        upstream: '',
        connection: '',
        requestTime: Number.NaN,
        signal: apigatewaySignal(status, obj),
        truncatedBy: null,
      },
      false,
    );
  }

  /** `requestTime` in CLF (`10/Jun/2023:15:36:28 +0000`), or `requestTimeEpoch` in ms. */
  private timeOf(clf: string, epoch: string): { ms: number; offsetMin: number } {
    if (this.clf.parseText(clf)) return { ms: this.clf.ms, offsetMin: this.clf.offsetMin };
    if (/^\d{13}$/.test(epoch)) return { ms: Number(epoch), offsetMin: 0 };
    return { ms: parseIsoTime(clf).ms, offsetMin: 0 };
  }
}
