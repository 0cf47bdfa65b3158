/** A list of codes as links, with the one-line summary. */
import type { CodeEntry } from '../../codes/index.ts';
import { localePath } from '../locale-path.ts';
import type { PageContext } from '../page-context.ts';

export function codeHref(ctx: PageContext, entry: CodeEntry): string {
  return localePath(ctx.locale, `/codes/${entry.status}`) + (entry.id === entry.status ? '' : `#${entry.id}`);
}

export function CodeList({ ctx, entries }: { ctx: PageContext; entries: readonly CodeEntry[] }) {
  return (
    <ul class="code-list">
      {entries.map((e) => (
        <li key={e.id} class={`c${e.class}`}>
          <a href={codeHref(ctx, e)}>
            <span class="status">{e.status}</span> <span class="title">{e.text[ctx.locale].title}</span>
            {e.vendor ? <span class="vendor"> {e.vendor}</span> : null}
          </a>
          <span class="summary">{e.text[ctx.locale].summary}</span>
        </li>
      ))}
    </ul>
  );
}
