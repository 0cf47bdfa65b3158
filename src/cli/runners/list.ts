/** `httpwhy list --class 5xx --vendor nginx`: one line per entry. */
import { listCodes, summarizeEntry } from '../../codes/index.ts';
import type { ListOptions } from '../commands/list.ts';
import { messages } from '../../i18n/index.ts';
import type { CommandContext } from '../context.ts';

export function runList(_args: [], filter: ListOptions, ctx: CommandContext): number {
  const entries = listCodes(filter);
  if (ctx.json) {
    ctx.out.json({ count: entries.length, codes: entries.map((e) => summarizeEntry(e, ctx.locale)) });
    return 0;
  }
  for (const e of entries) {
    const s = summarizeEntry(e, ctx.locale);
    const tag = e.vendor ? ctx.out.style('dim', ` [${e.vendor}${e.context ? `/${e.context}` : ''}]`) : '';
    ctx.out.out(`${ctx.out.style('bold', s.status.padEnd(7))} ${s.title}${tag}`);
  }
  ctx.out.err(messages(ctx.locale).cli.codeCount(entries.length));
  return 0;
}
