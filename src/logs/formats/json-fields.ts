/** Reading fields out of JSON log lines whose shape varies by logger. */

export type JsonObject = Record<string, unknown>;

/** The line as a JSON object, or null (arrays, scalars and broken JSON are not log records). */
export function parseJsonObject(line: string): JsonObject | null {
  if (line.charCodeAt(0) !== 123) return null;
  try {
    const value: unknown = JSON.parse(line);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : null;
  } catch {
    return null;
  }
}

/** `a.b.c` lookup; a key that itself contains dots (`"http.status_code"`) is tried first. */
export function getPath(obj: JsonObject, path: string): unknown {
  if (path in obj) return obj[path];
  let value: unknown = obj;
  for (const key of path.split('.')) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as JsonObject)[key];
  }
  return value;
}

/** First path holding a non-empty string or a number, as a string. */
export function firstString(obj: JsonObject, paths: readonly string[]): string {
  for (const path of paths) {
    const value = getPath(obj, path);
    if (typeof value === 'string' && value !== '') return value;
    if (typeof value === 'number') return String(value);
  }
  return '';
}

/** First path holding a number (or numeric string). */
export function firstNumber(obj: JsonObject, paths: readonly string[]): number {
  for (const path of paths) {
    const value = getPath(obj, path);
    if (typeof value === 'number') return value;
    if (typeof value === 'string' && value !== '' && !Number.isNaN(Number(value))) return Number(value);
  }
  return Number.NaN;
}

/** A header from a `{Name: [values]}` or `{name: value}` map, matched case-insensitively. */
export function jsonHeader(headers: unknown, name: string): string {
  if (typeof headers !== 'object' || headers === null) return '';
  const lower = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== lower) continue;
    const first: unknown = Array.isArray(value) ? value[0] : value;
    return typeof first === 'string' ? first : '';
  }
  return '';
}
