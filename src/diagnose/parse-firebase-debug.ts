/**
 * The Firebase CLI's debug log (firebase-debug.log, or `--debug` output), which its issue template asks for: every line
 * opens with `[time]` (and `[debug]` since v9), and each API response is logged twice, its status then its body:
 * `<<< [apiv2][status] POST https://... 404` and `<<< [apiv2][body] POST https://... {"error":{...}}` (src/apiv2.ts),
 * before apiv2 `<<< HTTP RESPONSE 503 {headers}` and `<<< HTTP RESPONSE BODY <body>` (src/api.js), the body running
 * over the lines up to the next logged line. The first response with an error status (or an error body) is the
 * response: the rest of the log is the CLI's own narration.
 */
import type { ParsedResponse } from './types.ts';

/** A logged line's `[time]` (and `[debug]`) opening. */
const LOGGED = /^(?:\[\w+\] )?\[\d{4}-\d\d-\d\dT[\d:.]+Z\] /;
/** The URL is as logged, spaces and all (a site named `[Site Name]` in a report), so the status is the line's end. */
const APIV2_STATUS = /<<< \[apiv2\]\[status\] ([A-Z]+) (.+?) (\d{3})\s*$/;
const APIV2_BODY = /<<< \[apiv2\]\[body\] ([A-Z]+) (.*)$/;
const LEGACY = /<<< HTTP RESPONSE(?: (BODY)| (\d{3}))(?: (.*))?$/;

export interface FirebaseDebugResponse {
  response: ParsedResponse;
  method: string | null;
  url: string | null;
}

/** The body a logged line opens, with the lines after it up to the next logged line. */
function bodyFrom(first: string, rest: readonly string[]): string {
  const end = rest.findIndex((l) => LOGGED.test(l));
  return [first, ...rest.slice(0, end < 0 ? undefined : end)].join('\n').trim();
}

const isError = (status: number | null) => status !== null && status >= 400 && status <= 599;

/** The Google API error body's own status (`{"error":{"code":503,...}}`), when the log shows no status line. */
function codeInBody(body: string): number | null {
  const code = /^\{\s*"error"\s*:\s*\{\s*"code"\s*:\s*(\d{3})\b/.exec(body)?.[1];
  return code === undefined ? null : Number(code);
}

export function parseFirebaseDebug(text: string): FirebaseDebugResponse | null {
  if (!text.includes('<<< ')) return null;
  const lines = text.split(/\r?\n/);
  let status: number | null = null;
  let method: string | null = null;
  let url: string | null = null;
  for (const [i, line] of lines.entries()) {
    if (!LOGGED.test(line)) continue;
    const v2 = APIV2_STATUS.exec(line);
    const legacy = v2 ? null : LEGACY.exec(line);
    if (v2 || legacy?.[2] !== undefined) {
      status = Number(v2 ? v2[3] : legacy?.[2]);
      [method, url] = v2 ? [v2[1] ?? null, v2[2] ?? null] : [null, null];
      continue;
    }
    const v2Body = APIV2_BODY.exec(line);
    if (!v2Body && legacy?.[1] !== 'BODY') continue;
    // The body line repeats the request: its URL is the status line's, else the first word.
    const after = v2Body ? (v2Body[2] ?? '') : (legacy?.[3] ?? '');
    const bodyUrl = v2Body ? (url !== null && after.startsWith(`${url} `) ? url : (after.split(' ')[0] ?? '')) : null;
    const body = bodyFrom(bodyUrl === null ? after : after.slice(bodyUrl.length + 1), lines.slice(i + 1));
    const code = isError(status) ? status : codeInBody(body);
    if (!isError(code)) continue;
    const response: ParsedResponse = { httpVersion: null, status: code, reason: '', headers: [], body: body === '' ? null : body, truncated: false, form: 'client-message', bodyNote: null };
    return { response, method: v2Body ? (v2Body[1] ?? null) : method, url: bodyUrl ?? url };
  }
  if (!isError(status)) return null;
  return { response: { httpVersion: null, status, reason: '', headers: [], body: null, truncated: false, form: 'client-message', bodyNote: null }, method, url };
}
