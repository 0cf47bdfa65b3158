/**
 * Responses as two tools print them in the JSON people paste from their output:
 * - Ansible's `uri` module result (`fatal: [host]: FAILED! => {...}`, or `-v` output): the response's headers are
 *   keys of the result itself, lower-cased with `-` written `_` (`"server": "squid/3.5.20"`, `"x_squid_error": ...`),
 *   next to the module's own keys (`status`, `msg`, `url`, `changed`, `elapsed`...); the body is in `content`, or in
 *   `json` when it parsed as JSON (ansible/ansible, lib/ansible/modules/uri.py, RETURN and `absolute_location`).
 * - Angular's `HttpErrorResponse` serialised with JSON.stringify (a console or an error reporter): `status`,
 *   `statusText`, `url`, `name: "HttpErrorResponse"`, the body in `error`; its `headers` is Angular's `HttpHeaders`
 *   object (`normalizedNames`, `lazyUpdate`), whose fields are internal and hold no header.
 */
import { toResponse } from './parse-http.ts';
import { readBody, readStatus } from './parse-json.ts';
import type { HeaderField, Observation } from './types.ts';
import { RESPONSE_LABEL } from './observation-label.ts';

type Dict = Record<string, unknown>;

/** The uri module's own return values and the task result's keys, which are no headers. */
const ANSIBLE_KEYS = new Set([
  'changed', 'failed', 'msg', 'status', 'url', 'elapsed', 'redirected', 'cookies', 'cookies_string', 'content',
  'json', 'path', 'location', 'attempts', 'invocation', 'ansible_facts', 'warnings', 'deprecations', 'item',
  'ansible_loop_var', 'skipped', 'unreachable', 'retries', 'rc', 'stderr', 'stdout', 'stderr_lines', 'stdout_lines',
]);

/** A tool's numeric status field; a string or a number out of range is no response's status. */
function statusOf(value: unknown): number | null {
  const read = typeof value === 'number' ? readStatus(value) : undefined;
  return read && read.status >= 100 && read.status <= 599 ? read.status : null;
}

function observation(status: number, reason: string, headers: HeaderField[], body: string | null): Observation {
  return { label: RESPONSE_LABEL, response: toResponse({ httpVersion: null, status, reason, headers }, body), failure: null, hops: [] };
}

/** An Ansible uri result: a numeric status, its `url` and `msg` or `changed`, and at least one header-like key. */
function ansibleUriResult(data: Dict): Observation | null {
  const status = statusOf(data.status);
  if (status === null || typeof data.url !== 'string' || !('msg' in data || 'changed' in data)) return null;
  const headers = Object.entries(data)
    .filter(([name, value]) => !ANSIBLE_KEYS.has(name) && /^[a-z][a-z0-9_]*$/.test(name) && (typeof value === 'string' || typeof value === 'number'))
    .map(([name, value]) => ({ name: name.replaceAll('_', '-'), value: String(value) }));
  if (!headers.some((h) => h.name === 'content-type' || h.name === 'server' || h.name === 'date')) return null;
  return observation(status, '', headers, readBody(data.content ?? data.json));
}

function angularErrorResponse(data: Dict): Observation | null {
  const status = statusOf(data.status);
  if (status === null || data.name !== 'HttpErrorResponse') return null;
  return observation(status, typeof data.statusText === 'string' ? data.statusText : '', [], readBody(data.error));
}

/** The response a tool's printed result holds, or null when the object is no such result. */
export function parseToolResult(data: Dict): Observation | null {
  return angularErrorResponse(data) ?? ansibleUriResult(data);
}
