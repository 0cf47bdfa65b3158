/** Pages that list codes: all codes, one category, search results, and the printable cheat sheet. */
import { listCodes, type CodeEntry, type SearchHit } from '../../codes/index.ts';
import { CATEGORY_SLUGS, type CategorySlug } from '../categories.ts';
import { CodeList, codeHref } from '../views/code-list.tsx';
import { Layout } from '../views/layout.tsx';
import { localePath } from '../locale-path.ts';
import type { PageContext } from '../page-context.ts';

const CLASS_SLUGS = { '1xx': 'informational', '2xx': 'success', '3xx': 'redirection', '4xx': 'client-error', '5xx': 'server-error' } as const;

export function CodesIndexPage({ ctx }: { ctx: PageContext }) {
  const { m } = ctx;
  const vendorGroups = new Map<string, CodeEntry[]>();
  for (const entry of listCodes().filter((e) => e.vendor !== null)) vendorGroups.set(entry.vendor as string, [...(vendorGroups.get(entry.vendor as string) ?? []), entry]);
  return (
    <Layout ctx={ctx} title={m.web.allCodesTitle} description={m.web.homeIntro}>
      <h1>{m.web.allCodesTitle}</h1>
      <h2>{m.web.registryCodes}</h2>
      {Object.entries(CLASS_SLUGS).map(([cls, slug]) => (
        <section key={cls} aria-labelledby={`h-${slug}`}>
          <h3 id={`h-${slug}`}><a href={localePath(ctx.locale, `/categories/${slug}`)}>{m.web.category[slug]}</a></h3>
          <CodeList ctx={ctx} entries={listCodes({ class: cls as keyof typeof CLASS_SLUGS, vendor: 'none' })} />
        </section>
      ))}
      <h2>{m.web.vendorCodes}</h2>
      {[...vendorGroups].map(([vendor, entries]) => (
        <section key={vendor} aria-labelledby={`v-${vendor}`}>
          <h3 id={`v-${vendor}`}>{vendor}</h3>
          <CodeList ctx={ctx} entries={entries} />
        </section>
      ))}
    </Layout>
  );
}

export function CategoryPage({ ctx, slug, entries }: { ctx: PageContext; slug: CategorySlug; entries: readonly CodeEntry[] }) {
  const title = ctx.m.web.category[slug];
  return (
    <Layout ctx={ctx} title={title} description={`${title}: ${entries.map((e) => e.status).join(', ')}`}>
      <h1>{title}</h1>
      <CodeList ctx={ctx} entries={entries} />
      <ul class="chips">
        {CATEGORY_SLUGS.filter((s) => s !== slug).map((s) => <li key={s}><a href={localePath(ctx.locale, `/categories/${s}`)}>{ctx.m.web.category[s]}</a></li>)}
      </ul>
    </Layout>
  );
}

export function SearchPage({ ctx, query, hits }: { ctx: PageContext; query: string; hits: readonly SearchHit[] }) {
  const { m } = ctx;
  return (
    <Layout ctx={ctx} title={m.web.searchTitle} description={m.web.searchLabel}>
      <h1>{m.web.searchTitle}</h1>
      <form class="search-big" role="search" action={localePath(ctx.locale, '/search')} method="get">
        <label for="q2">{m.web.searchLabel}</label>
        <input id="q2" name="q" type="search" value={query} maxLength={200} />
        <button type="submit">{m.web.searchButton}</button>
      </form>
      {query === '' ? null : hits.length === 0 ? <p>{m.web.noResults(query)}</p> : (
        <>
          <p role="status">{m.web.searchResults(query, hits.length)}</p>
          <CodeList ctx={ctx} entries={hits.map((h) => h.entry)} />
        </>
      )}
    </Layout>
  );
}

export function CheatSheetPage({ ctx }: { ctx: PageContext }) {
  const { m, locale } = ctx;
  return (
    <Layout ctx={ctx} title={m.web.cheatSheetTitle} description={m.web.cheatSheetIntro}>
      <h1>{m.web.cheatSheetTitle}</h1>
      <p>{m.web.cheatSheetIntro}</p>
      <table class="cheat">
        <thead>
          <tr>
            <th scope="col">{m.web.code}</th>
            <th scope="col">{m.aspect.whoFailed}</th>
            <th scope="col">{m.aspect.issuedBy}</th>
            <th scope="col">{m.aspect.likelyCause}</th>
            <th scope="col">{m.aspect.whereToLook}</th>
          </tr>
        </thead>
        <tbody>
          {listCodes().map((e) => {
            const t = e.text[locale];
            return (
              <tr key={e.id} class={`c${e.class}`}>
                <th scope="row"><a href={codeHref(ctx, e)}>{e.status}</a> {t.title}{e.vendor ? ` (${e.vendor})` : ''}</th>
                <td>{t.whoFailed}</td>
                <td>{e.issuedBy.map((i) => m.issuer[i]).join(', ')}</td>
                <td>{t.causes[0]}</td>
                <td>{t.whereToLook[0]}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </Layout>
  );
}
