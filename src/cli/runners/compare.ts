/** `httpwhy compare 500 502`: side-by-side table, key differences, when to use which. */
import { localizeEntry } from '../../codes/index.ts';
import { compare } from '../../compare/index.ts';
import { messages } from '../../i18n/index.ts';
import type { CommandContext } from '../context.ts';
import { wrap } from '../output.ts';

export function runCompare([first, second]: [first: string, second: string], _options: object, ctx: CommandContext): number {
  const c = compare(first, second, ctx.locale);
  if (ctx.json) {
    ctx.out.json({ ...c, a: localizeEntry(c.a, ctx.locale), b: localizeEntry(c.b, ctx.locale) });
    return 0;
  }
  const { out, width } = ctx;
  const m = messages(ctx.locale);
  const col = Math.max(20, Math.floor((width - 24) / 2));
  const head = (e: typeof c.a) => `${e.status} ${e.text[ctx.locale].title}`;
  const table = [
    `${''.padEnd(22)}${out.style('bold', head(c.a).padEnd(col + 2))}${out.style('bold', head(c.b))}`,
    ...c.rows.flatMap((row) => {
      const left = wrap(row.a, col).split('\n');
      const right = wrap(row.b, col).split('\n');
      return Array.from({ length: Math.max(left.length, right.length) }, (_, i) =>
        `${(i === 0 ? out.style('bold', row.aspect.padEnd(22)) : ''.padEnd(22))}${(left[i] ?? '').padEnd(col + 2)}${right[i] ?? ''}`,
      );
    }),
  ];
  const bullets = (items: readonly string[]) => items.map((s) => wrap(s, width, '    ').replace(/^ {4}/, '  • ')).join('\n');
  out.out([
    out.style('bold', `${head(c.a)}  vs  ${head(c.b)}`),
    '',
    wrap(c.summary, width),
    '',
    ...table,
    '',
    out.style('bold', m.section.keyDifferences),
    bullets(c.keyDifferences),
    '',
    out.style('bold', m.section.whenToUse),
    bullets([`${c.a.status}: ${c.whenToUse.a}`, `${c.b.status}: ${c.whenToUse.b}`]),
    '',
    out.style('bold', m.section.tellApart),
    bullets(c.tellApart),
  ].join('\n'));
  return 0;
}
