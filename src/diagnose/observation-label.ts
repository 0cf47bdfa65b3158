/**
 * What a report calls one observation: "response" for a single response, "entry N: METHOD URL" for an entry of a
 * HAR file. Reports keep the label as written here (it is data in the JSON); texts show it in their language.
 */
import type { Messages } from '../i18n/index.ts';

export const RESPONSE_LABEL = 'response';

export function harEntryLabel(index: number, method: string, url: string): string {
  return `entry ${index + 1}: ${method} ${url}`;
}

const HAR_ENTRY = /^entry (\d+): (.*)$/s;

/** The label in the report's language. */
export function observationLabel(label: string, msg: Messages['diagnose']): string {
  if (label === RESPONSE_LABEL) return msg.label.response;
  const entry = HAR_ENTRY.exec(label);
  return entry ? msg.label.entry(Number(entry[1]), entry[2] ?? '') : label;
}
