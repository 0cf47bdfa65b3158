/**
 * What a report calls one observation: "response" for a single response, "entry N: METHOD URL" for an entry of a
 * HAR file, "response to METHOD URL" for a client's message that named the request, "log line N: METHOD PATH" for a
 * pasted access-log line. Reports keep the label as written here (it is data in the JSON); texts show it in their language.
 */
import type { Messages } from '../i18n/index.ts';

export const RESPONSE_LABEL = 'response';

export function harEntryLabel(index: number, method: string, url: string): string {
  return `entry ${index + 1}: ${method} ${url}`;
}

/** A pasted access-log line: "log line 3: GET /hello" (the request only when the log has one). */
export function logLineLabel(line: number, method: string, path: string): string {
  const request = [method, path].filter(Boolean).join(' ');
  return `log line ${line}${request ? `: ${request}` : ''}`;
}

/** A client's message that named the request: "response to GET https://registry.npmjs.org/x". */
export function requestLabel(method: string | null, url: string): string {
  return `response to ${method ? `${method} ` : ''}${url}`;
}

const HAR_ENTRY = /^entry (\d+): (.*)$/s;
const REQUEST = /^response to (.*)$/s;
const LOG_LINE = /^log line (\d+)(?:: (.*))?$/s;

/** The label in the report's language. */
export function observationLabel(label: string, msg: Messages['diagnose']): string {
  if (label === RESPONSE_LABEL) return msg.label.response;
  const entry = HAR_ENTRY.exec(label);
  if (entry) return msg.label.entry(Number(entry[1]), entry[2] ?? '');
  const request = REQUEST.exec(label);
  if (request) return msg.label.request(request[1] ?? '');
  const logged = LOG_LINE.exec(label);
  return logged ? msg.label.logLine(Number(logged[1]), logged[2] ?? '') : label;
}
