/**
 * Azure Monitor resource-log records as diagnostic settings write them to storage or stream them, one JSON record per
 * line: `time` (or `timeStamp`), `resourceId`, `category`, `operationName`, and the service's fields in `properties`
 * (learn.microsoft.com/azure/azure-monitor/essentials/resource-logs-schema). Services spell the same field in
 * different cases (`ErrorInfo`, `errorInfo`), so `properties` is read with lower-cased keys.
 */
import { parseJsonObject, type JsonObject } from './json-fields.ts';
import { parseIsoTime } from './log-time.ts';

export interface AzureRecord {
  /** Lower-cased, e.g. `applicationgatewayaccesslog`, `frontdooraccesslog`. */
  category: string;
  resourceId: string;
  timeMs: number;
  /** `properties` with lower-cased keys. */
  props: Map<string, unknown>;
}

export function azureRecord(line: string): AzureRecord | null {
  const obj = parseJsonObject(line);
  const properties = obj?.properties;
  if (!obj || typeof obj.category !== 'string' || typeof properties !== 'object' || properties === null) return null;
  const time = obj.time ?? obj.timeStamp ?? obj.timestamp;
  return {
    category: obj.category.toLowerCase(),
    resourceId: typeof obj.resourceId === 'string' ? obj.resourceId.toUpperCase() : '',
    timeMs: typeof time === 'string' ? parseIsoTime(time).ms : Number.NaN,
    props: new Map(Object.entries(properties as JsonObject).map(([key, value]) => [key.toLowerCase(), value])),
  };
}

/**
 * Azure Activity Log categories (learn.microsoft.com/azure/azure-monitor/essentials/activity-log-schema): platform
 * events that may be exported next to a resource's logs and are never an access or app log.
 */
const ACTIVITY_CATEGORIES = new Set(['administrative', 'servicehealth', 'resourcehealth', 'alert', 'autoscale', 'recommendation', 'security', 'policy']);

export function isActivityLog(record: AzureRecord): boolean {
  return ACTIVITY_CATEGORIES.has(record.category);
}

/** The first of `keys` (lower case) holding a non-empty string or a number, as a string. */
export function prop(record: AzureRecord, ...keys: string[]): string {
  for (const key of keys) {
    const value = record.props.get(key);
    if (typeof value === 'string' && value !== '') return value;
    if (typeof value === 'number') return String(value);
  }
  return '';
}

/** A status logged as a number or a numeric string; NaN otherwise. */
export function statusProp(record: AzureRecord, key: string): number {
  const value = prop(record, key);
  return /^\d{1,3}$/.test(value) ? Number(value) : Number.NaN;
}

/** What both Azure access logs write alike about a request: its status, time, client and method. */
export function azureRequest(record: AzureRecord, status: number): { status: number; timeMs: number; tzOffsetMin: number; client: string; method: string } {
  return { status, timeMs: record.timeMs, tzOffsetMin: 0, client: prop(record, 'clientip'), method: prop(record, 'httpmethod') };
}
