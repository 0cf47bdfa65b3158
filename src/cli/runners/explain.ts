/** `httpwhy 502`: every meaning of a status, with all its facts. */
import { localizeEntry, requireCode, wireEntry, type CodeEntry } from '../../codes/index.ts';
import { messages } from '../../i18n/index.ts';
import type { CommandContext } from '../context.ts';
import { wrap } from '../output.ts';

const CLASS_COLOR = { '1xx': 'cyan', '2xx': 'green', '3xx': 'blue', '4xx': 'yellow', '5xx': 'red', other: 'magenta' } as const;

/** The status line the client gets when it is not the code itself, or that none is sent. */
function onTheWire(entry: CodeEntry, locale: CommandContext['locale']): string {
  const wire = wireEntry(entry);
  return wire ? `${wire.status} ${wire.text[locale].title}` : messages(locale).aspect.noResponse;
}

/** One line per related code: the ids in a column as wide as the longest, each distinction wrapped beside it. */
export function relatedLines(ids: readonly string[], lines: Readonly<Record<string, string>>, width: number, bold: (text: string) => string): string[] {
  const idWidth = Math.max(8, ...ids.map((id) => id.length));
  const indent = ' '.repeat(idWidth + 4);
  return ids.map((id) => wrap(lines[id] ?? '', width, indent).replace(indent, `  ${bold(id.padEnd(idWidth))}  `));
}

function renderEntry(entry: CodeEntry, ctx: CommandContext): string {
  const { out, locale, width } = ctx;
  const m = messages(locale);
  const t = entry.text[locale];
  const heading = (s: string) => out.style('bold', s);
  const list = (items: readonly string[], numbered = false) =>
    items.map((item, i) => wrap(item, width, '     ').replace(/^ {5}/, numbered ? `  ${i + 1}. ` : '  •  ')).join('\n');
  const vendor = entry.vendor ? ` · ${entry.vendor}${entry.context ? ` (${entry.context})` : ''}` : '';
  const lines = [
    `${out.style(['bold', CLASS_COLOR[entry.class]], `${entry.status} ${t.title}`)}${t.title !== entry.reason ? out.style('dim', ` (${entry.reason})`) : ''}`,
    out.style('dim', `${entry.class} ${m.class[entry.class]} · ${m.standing[entry.standing]}${vendor} · ${entry.spec.title}`),
    '',
    wrap(t.summary, width),
    '',
    wrap(t.description, width),
    '',
    `${heading(m.aspect.whoFailed)}: ${t.whoFailed}`,
    `${heading(m.aspect.issuedBy)}: ${entry.issuedBy.map((i) => m.issuer[i]).join(', ')}`,
    ...(entry.onTheWire === entry.status ? [] : [`${heading(m.aspect.onTheWire)}: ${onTheWire(entry, locale)}`]),
    `${heading(m.aspect.retryable)}: ${m.retryable[entry.flags.retryable]}. ${t.retry}`,
    `${heading(m.aspect.cacheable)}: ${entry.flags.cacheableByDefault ? m.yes : m.no}`,
    ...(entry.headers.length > 0 ? [`${heading(m.aspect.headers)}: ${entry.headers.join(', ')}`] : []),
    '',
    heading(m.section.whenYouSeeIt),
    wrap(t.whenYouSeeIt, width, '  '),
    '',
    heading(m.section.causes),
    list(t.causes),
    '',
    heading(m.section.whereToLook),
    list(t.whereToLook, true),
    '',
    heading(m.section.fixOperator),
    list(t.fix.operator),
    '',
    heading(m.section.fixClient),
    list(t.fix.client),
    '',
    heading(m.section.related),
    ...relatedLines(entry.related, t.related, width, (s) => out.style('bold', s)),
    '',
    `${heading(m.section.spec)}: ${entry.spec.url}`,
  ];
  return lines.join('\n');
}

export function runExplain([code]: [code: string], _options: object, ctx: CommandContext): number {
  const entries = requireCode(code);
  if (ctx.json) {
    ctx.out.json({ status: entries[0]?.status, meanings: entries.map((e) => localizeEntry(e, ctx.locale)) });
    return 0;
  }
  const m = messages(ctx.locale);
  const rule = ctx.out.style('dim', '─'.repeat(Math.min(ctx.width, 60)));
  const header = entries.length > 1 ? [ctx.out.style('bold', `${entries[0]?.status}: ${m.section.meanings(entries.length)}`), ''] : [];
  ctx.out.out([...header, entries.map((e) => renderEntry(e, ctx)).join(`\n\n${rule}\n\n`)].join('\n'));
  return 0;
}
