/** Home: search, the "which component failed?" guide with the Browser -> proxy -> app picture, popular codes. */
import { getCode, type CodeEntry } from '../../codes/index.ts';
import { CATEGORY_SLUGS } from '../categories.ts';
import { CodeList } from '../views/code-list.tsx';
import { Layout } from '../views/layout.tsx';
import { localePath } from '../locale-path.ts';
import type { PageContext } from '../page-context.ts';

const POPULAR = ['200', '301', '304', '400', '401', '403', '404', '429', '499', '500', '502', '503', '504', '520', '522', '524'];
const GUIDE = ['500', '502', '503', '504'] as const;
const FAILING_HOP: Record<(typeof GUIDE)[number], 'app' | 'link' | 'proxy'> = { '500': 'app', '502': 'link', '503': 'proxy', '504': 'link' };

export function HomePage({ ctx }: { ctx: PageContext }) {
  const { m } = ctx;
  const href = (p: string) => localePath(ctx.locale, p);
  const popular = POPULAR.map((s) => getCode(s)[0]).filter((e): e is CodeEntry => e !== undefined);
  return (
    <Layout ctx={ctx} title={m.web.homeTitle} description={m.web.homeIntro}>
      <section class="hero">
        <h1>{m.web.homeTitle}</h1>
        <p class="lead">{m.web.homeIntro}</p>
      </section>
      <section aria-labelledby="guide">
        <h2 id="guide">{m.web.quickGuide}</h2>
        <p>{m.web.quickGuideIntro}</p>
        <ol class="guide">
          {GUIDE.map((status) => (
            <li key={status} class={`guide-item fail-${FAILING_HOP[status]}`}>
              <a class="guide-code" href={href(`/codes/${status}`)}>{status}</a>
              <div class="hops" aria-hidden="true">
                <span class="hop">{m.web.hop.browser}</span>
                <span class="arrow">→</span>
                <span class="hop hop-proxy">{m.web.hop.proxy}</span>
                <span class="arrow arrow-link">→</span>
                <span class="hop hop-app">{m.web.hop.app}</span>
              </div>
              <p>{m.web.quick[status]}</p>
            </li>
          ))}
        </ol>
        <p><a href={href('/compare/500-vs-502')}>500 vs 502</a> · <a href={href('/compare/502-vs-504')}>502 vs 504</a> · <a href={href('/compare/503-vs-504')}>503 vs 504</a></p>
      </section>
      <section aria-labelledby="popular">
        <h2 id="popular">{m.web.popular}</h2>
        <CodeList ctx={ctx} entries={popular} />
      </section>
      <section aria-labelledby="categories">
        <h2 id="categories">{m.web.categories}</h2>
        <ul class="chips">
          {CATEGORY_SLUGS.map((slug) => (
            <li key={slug}><a href={href(`/categories/${slug}`)}>{m.web.category[slug]}</a></li>
          ))}
        </ul>
      </section>
    </Layout>
  );
}
