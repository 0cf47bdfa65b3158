/** The site's own error pages: it practises what it explains. */
import { Layout } from '../views/layout.tsx';
import { localePath } from '../locale-path.ts';
import type { PageContext } from '../page-context.ts';
import type { CodeEntry } from '../../codes/index.ts';
import { CodeList } from '../views/code-list.tsx';

/** The path as the reader typed it ("/codez/502"), not percent-encoded; Preact escapes it like any text. */
function readablePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

export function NotFoundPage({ ctx, requestedPath, suggestions }: { ctx: PageContext; requestedPath: string; suggestions: readonly CodeEntry[] }) {
  const { m } = ctx;
  const href = (p: string) => localePath(ctx.locale, p);
  return (
    <Layout ctx={ctx} title={m.web.notFoundTitle} description={m.web.notFoundTitle}>
      <h1><span class="status">404</span> {m.web.notFoundTitle}</h1>
      <p>{m.web.notFoundBody(readablePath(requestedPath))}</p>
      <h2>{m.web.tryThese}</h2>
      {suggestions.length > 0 ? <CodeList ctx={ctx} entries={suggestions} /> : null}
      <ul class="chips">
        <li><a href={href('/')}>httpwhy</a></li>
        <li><a href={href('/codes')}>{m.web.nav.codes}</a></li>
        <li><a href={href('/compare')}>{m.web.nav.compare}</a></li>
        <li><a href={href('/cheat-sheet')}>{m.web.nav.cheatSheet}</a></li>
        <li><a href={href('/codes/404')}>404</a></li>
      </ul>
    </Layout>
  );
}

export function MessagePage({ ctx, status, title, body, requestId }: { ctx: PageContext; status: number; title: string; body: string; requestId?: string }) {
  return (
    <Layout ctx={ctx} title={title} description={title}>
      <h1><span class="status">{status}</span> {title}</h1>
      <p>{body}</p>
      {requestId ? <p>{ctx.m.web.requestId}: <code class="request-id">{requestId}</code></p> : null}
      <p><a href={localePath(ctx.locale, `/codes/${status}`)}>{status}</a></p>
    </Layout>
  );
}
