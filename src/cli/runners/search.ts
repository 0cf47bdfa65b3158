/** `httpwhy search "gateway timeout"`: ranked matches, exact codes first. */
import { search, summarizeEntry } from '../../codes/index.ts';
import type { SearchOptions } from '../commands/search.ts';
import { messages } from '../../i18n/index.ts';
import type { CommandContext } from '../context.ts';
import { wrap } from '../output.ts';

export function runSearch([words]: [words: string[]], { limit }: SearchOptions, ctx: CommandContext): number {
  const query = words.join(' ');
  const hits = search(query, { limit });
  if (ctx.json) {
    ctx.out.json({ query, hits: hits.map((h) => ({ ...summarizeEntry(h.entry, ctx.locale), score: Math.round(h.score * 100) / 100, exact: h.exact })) });
    return hits.length > 0 ? 0 : 1;
  }
  if (hits.length === 0) {
    ctx.out.err(messages(ctx.locale).web.noResults(query));
    return 1;
  }
  for (const h of hits) {
    const s = summarizeEntry(h.entry, ctx.locale);
    ctx.out.out(`${ctx.out.style('bold', s.status.padEnd(7))} ${s.title}${s.vendor ? ctx.out.style('dim', ` [${s.vendor}]`) : ''}`);
    ctx.out.out(ctx.out.style('dim', wrap(s.summary, ctx.width, '        ')));
  }
  return 0;
}
