/** `httpwhy compare 500 502`: side-by-side table, key differences, when to use which. */
import { localizeEntry } from '../../codes/index.ts';
import { compare, type ComparisonRow } from '../../compare/index.ts';
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
  const head = (e: typeof c.a) => `${e.status} ${e.text[ctx.locale].title}`;
  const table = comparisonTable([head(c.a), head(c.b)], c.rows, width, (s) => out.style('bold', s));
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

/**
 * The side-by-side table: the aspects in a first column as wide as the longest of them plus two spaces (22 at
 * least), then the two codes' values wrapped in columns of equal width.
 */
export function comparisonTable(heads: readonly [string, string], rows: readonly ComparisonRow[], width: number, bold: (text: string) => string): string[] {
  const aspect = Math.max(22, ...rows.map((row) => row.aspect.length + 2));
  const col = Math.max(20, Math.floor((width - aspect - 2) / 2));
  return [
    `${''.padEnd(aspect)}${bold(heads[0].padEnd(col + 2))}${bold(heads[1])}`,
    ...rows.flatMap((row) => {
      const left = wrap(row.a, col).split('\n');
      const right = wrap(row.b, col).split('\n');
      return Array.from({ length: Math.max(left.length, right.length) }, (_, i) =>
        `${i === 0 ? bold(row.aspect.padEnd(aspect)) : ''.padEnd(aspect)}${(left[i] ?? '').padEnd(col + 2)}${right[i] ?? ''}`,
      );
    }),
  ];
}
