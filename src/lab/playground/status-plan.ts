/**
 * What /lab/status sends for a status, decided from the knowledge base and nothing else: the entry's
 * `requiredHeaders` (each filled in from HEADER_VALUES), `Location` on redirects, no content when the entry
 * says `emptyBody`, and for the interim codes a real 1xx before a final 200. Pure, so tests read the plan.
 */
import { classOf, type CodeEntry } from '../../codes/index.ts';
import { messages } from '../../i18n/index.ts';
import { isInterimCode, type InterimCode, type LabStatus } from './status-target.ts';
import type { Locale } from '../../i18n/index.ts';

export type BodyFormat = 'json' | 'html' | 'text';

const RETRY_AFTER_SECONDS = 5;

interface HeaderContext {
  status: number;
  /** The locale's path prefix: '' or '/id'. */
  prefix: string;
  bodyBytes: number;
}

/** A value for every header the knowledge base lists as required (a test checks that none is missing). */
export const HEADER_VALUES: Record<string, (c: HeaderContext) => string> = {
  Location: (c) => `${c.prefix}/lab/status/200`,
  'X-MS-Location': (c) => `${c.prefix}/lab/status/200`,
  'WWW-Authenticate': () => 'Basic realm="httpwhy lab", charset="UTF-8"',
  'Proxy-Authenticate': () => 'Basic realm="httpwhy lab proxy"',
  Allow: () => 'GET, HEAD',
  'Retry-After': () => String(RETRY_AFTER_SECONDS),
  'Content-Range': (c) => (c.status === 206 ? `bytes 0-${c.bodyBytes - 1}/${c.bodyBytes}` : `bytes */${c.bodyBytes}`),
  Link: (c) => (c.status === 451 ? '<https://www.rfc-editor.org/rfc/rfc7725>; rel="blocked-by"' : '</>; rel=preconnect'),
  Upgrade: () => 'h2c',
  Connection: (c) => (c.status === 408 ? 'close' : 'Upgrade'),
  ETag: () => '"httpwhy-lab"',
  IM: () => 'feed',
  'Ms-Echo-Request': () => 'httpwhy-lab',
};

export interface StatusPlan {
  /** A 1xx sent before the final response, with its headers. */
  interim: { status: InterimCode; headers: Record<string, string> } | null;
  status: number;
  /** Reason phrase for the status line (the registry or vendor wording); undefined: Node's default. */
  reason: string | undefined;
  headers: Record<string, string>;
  body: { type: string; text: string } | null;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function describe(target: LabStatus, locale: Locale, prefix: string) {
  const m = messages(locale);
  const { status, entry } = target;
  if (!entry) {
    return { id: null, title: m.lab.unassigned, summary: m.unknownInClass(String(status), m.class[classOf(status)]), explanation: null };
  }
  const text = entry.text[locale];
  return { id: entry.id, title: text.title, summary: text.summary, explanation: `${prefix}/codes/${entry.status}${entry.id === entry.status ? '' : `#${entry.id}`}` };
}

function render(format: BodyFormat, target: LabStatus, finalStatus: number, interim: InterimCode | null, locale: Locale, prefix: string, requestId: string) {
  const m = messages(locale);
  const d = describe(target, locale, prefix);
  const note = interim === null ? '' : m.lab.interimSent(String(interim));
  const heading = `${target.status} ${d.title}`;
  if (format === 'json') {
    const json = { status: finalStatus, ...(interim === null ? {} : { interim }), id: d.id, title: d.title, summary: d.summary, explanation: d.explanation, requestId };
    return { type: 'application/json; charset=utf-8', text: `${JSON.stringify(json)}\n` };
  }
  const more = d.explanation === null ? '' : `${m.lab.moreAbout(String(target.status))}: ${d.explanation}`;
  if (format === 'text') return { type: 'text/plain; charset=utf-8', text: [heading, d.summary, note, more].filter((l) => l !== '').join('\n') + '\n' };
  const link = d.explanation === null ? '' : `<p><a href="${escapeHtml(d.explanation)}">${escapeHtml(m.lab.moreAbout(String(target.status)))}</a></p>`;
  const html = `<!doctype html>\n<html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(heading)}</title></head>\n<body><h1>${escapeHtml(heading)}</h1><p>${escapeHtml(d.summary)}</p>${note === '' ? '' : `<p>${escapeHtml(note)}</p>`}${link}</body></html>\n`;
  return { type: 'text/html; charset=utf-8', text: html };
}

/** The headers a status needs, by name, in the knowledge base's order. */
export function headerNamesFor(entry: CodeEntry | undefined): string[] {
  if (!entry) return [];
  const names = [...entry.requiredHeaders];
  if (entry.flags.redirect && !names.includes('Location') && !names.includes('X-MS-Location')) names.push('Location');
  return names;
}

/** Where a playground route answers: its locale, and that locale's URL prefix ('' or '/id') as the site's route table gives it. */
export interface PlaygroundLocale {
  locale: Locale;
  prefix: string;
}

/** `interimAllowed`: false for HTTP/1.0 clients, which must not get a 1xx; they get the final 200 alone. */
export function planStatus(target: LabStatus, format: BodyFormat, { locale, prefix }: PlaygroundLocale, requestId: string, interimAllowed = true): StatusPlan {
  const isInterim = isInterimCode(target.status);
  const interim = isInterimCode(target.status) && interimAllowed ? target.status : null;
  const finalStatus = isInterim ? 200 : target.status;
  const empty = !isInterim && target.entry?.flags.emptyBody === true;
  const body = empty ? null : render(format, target, finalStatus, interim, locale, prefix, requestId);
  const context: HeaderContext = { status: target.status, prefix, bodyBytes: body === null ? 0 : Buffer.byteLength(body.text) };
  const headers: Record<string, string> = {};
  for (const name of headerNamesFor(target.entry)) {
    const value = HEADER_VALUES[name];
    if (value) headers[name] = value(context);
  }
  return {
    // After a 1xx the final response repeats its headers (the hints of a 103), as RFC 8297 expects.
    interim: interim === null ? null : { status: interim, headers },
    status: finalStatus,
    reason: isInterim ? undefined : target.entry?.reason,
    headers,
    body,
  };
}
