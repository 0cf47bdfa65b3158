/** /compare (picker) and /compare/:a-vs-:b (side-by-side table, differences, when to use which). */
import { listCodes } from '../../codes/index.ts';
import type { Comparison } from '../../compare/index.ts';
import { codeHref } from '../views/code-list.tsx';
import { Layout } from '../views/layout.tsx';
import { localePath } from '../locale-path.ts';
import type { PageContext } from '../page-context.ts';

export const COMMON_PAIRS = [
  '500-vs-502', '502-vs-504', '502-vs-503', '503-vs-504', '500-vs-503', '429-vs-503', '401-vs-403', '301-vs-302', '302-vs-307',
  '301-vs-308', '404-vs-410', '400-vs-422', '408-vs-504', '499-nginx-vs-502', '502-vs-520-cloudflare',
  '521-cloudflare-vs-522-cloudflare', '522-cloudflare-vs-524-cloudflare',
];

export function ComparePicker({ ctx, a = '', b = '' }: { ctx: PageContext; a?: string; b?: string }) {
  const { m } = ctx;
  const options = listCodes();
  return (
    <Layout ctx={ctx} title={m.web.compareTitle} description={m.web.compareIntro}>
      <h1>{m.web.compareTitle}</h1>
      <p>{m.web.compareIntro}</p>
      <form class="picker" action={localePath(ctx.locale, '/compare')} method="get">
        <label for="a">{m.web.compareFirst}</label>
        <input id="a" name="a" type="text" list="codes" value={a} required maxLength={32} />
        <label for="b">{m.web.compareSecond}</label>
        <input id="b" name="b" type="text" list="codes" value={b} required maxLength={32} />
        <datalist id="codes">
          {options.map((e) => <option key={e.id} value={e.id}>{`${e.status} ${e.text[ctx.locale].title}`}</option>)}
        </datalist>
        <button type="submit">{m.web.compareButton}</button>
      </form>
      <h2>{m.web.commonPairs}</h2>
      <ul class="chips">
        {COMMON_PAIRS.map((p) => <li key={p}><a href={localePath(ctx.locale, `/compare/${p}`)}>{p.replace(/-vs-/, ' vs ').replace(/-(nginx|cloudflare)/g, '')}</a></li>)}
      </ul>
    </Layout>
  );
}

export function ComparePage({ ctx, c }: { ctx: PageContext; c: Comparison }) {
  const { m, locale } = ctx;
  const name = (e: Comparison['a']) => `${e.status} ${e.text[locale].title}`;
  const title = `${name(c.a)} vs ${name(c.b)}`;
  return (
    <Layout ctx={ctx} title={title} description={c.summary}>
      <h1>{title}</h1>
      <p class="lead">{c.summary}</p>
      <table class="compare">
        <thead>
          <tr>
            <td />
            <th scope="col"><a href={codeHref(ctx, c.a)}>{name(c.a)}</a></th>
            <th scope="col"><a href={codeHref(ctx, c.b)}>{name(c.b)}</a></th>
          </tr>
        </thead>
        <tbody>
          {c.rows.map((row) => (
            <tr key={row.aspect}>
              <th scope="row">{row.aspect}</th>
              <td>{row.a}</td>
              <td>{row.b}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{m.section.keyDifferences}</h2>
      <ul>{c.keyDifferences.map((d, i) => <li key={i}>{d}</li>)}</ul>
      <h2>{m.section.whenToUse}</h2>
      <dl class="facts">
        <dt>{name(c.a)}</dt><dd>{c.whenToUse.a}</dd>
        <dt>{name(c.b)}</dt><dd>{c.whenToUse.b}</dd>
      </dl>
      <h2>{m.section.tellApart}</h2>
      <ul>{c.tellApart.map((d, i) => <li key={i}>{d}</li>)}</ul>
      <p><a href={localePath(locale, '/compare')}>{m.web.compareTitle}</a></p>
    </Layout>
  );
}
