/**
 * Azure Monitor resource-log records as diagnostic settings write them to storage or stream them, one JSON record per
 * line: `time` (or `timeStamp`), `resourceId`, `category`, `operationName`, and the service's fields in `properties`
 * (learn.microsoft.com/azure/azure-monitor/essentials/resource-logs-schema). Services spell the same field in
 * different cases (`ErrorInfo`, `errorInfo`), so `properties` is read with lower-cased keys. Sent to a Log Analytics
 * workspace, the same record is a row of the `AzureDiagnostics` table, exported or pasted from a query: `TimeGenerated`,
 * `ResourceId`, `Category`, and each property a column of its own named with its type (`httpStatus_d`,
 * `serverStatus_s`, `isReceivedFromClient_b`; learn.microsoft.com/azure/azure-monitor/reference/tables/azurediagnostics),
 * read here as the same properties.
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

/** A Log Analytics column's type suffix: string, double, boolean, GUID, datetime. */
const COLUMN_TYPE = /_[sdbgt]$/;

/** An `AzureDiagnostics` row as the record it was: its typed columns as properties. */
function diagnosticsRow(obj: JsonObject): AzureRecord | null {
  if (typeof obj.Category !== 'string' || !Object.keys(obj).some((key) => COLUMN_TYPE.test(key))) return null;
  const props = new Map<string, unknown>();
  for (const [key, value] of Object.entries(obj)) if (COLUMN_TYPE.test(key)) props.set(key.slice(0, -2).toLowerCase(), value);
  const time = obj.TimeGenerated;
  return {
    category: obj.Category.toLowerCase(),
    resourceId: typeof obj.ResourceId === 'string' ? obj.ResourceId.toUpperCase() : '',
    timeMs: typeof time === 'string' ? parseIsoTime(time).ms : Number.NaN,
    props,
  };
}

export function azureRecord(line: string): AzureRecord | null {
  const obj = parseJsonObject(line);
  const properties = obj?.properties;
  if (obj && properties === undefined) return diagnosticsRow(obj);
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

/** The first of `keys` (lower case) holding a non-empty string or a number in `props`, as a string. */
export function firstProp(props: ReadonlyMap<string, unknown>, keys: readonly string[]): string {
  for (const key of keys) {
    const value = props.get(key);
    if (typeof value === 'string' && value !== '') return value;
    if (typeof value === 'number') return String(value);
  }
  return '';
}

/** The first of `keys` (lower case) holding a non-empty string or a number in the record's properties. */
export function prop(record: AzureRecord, ...keys: string[]): string {
  return firstProp(record.props, keys);
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
