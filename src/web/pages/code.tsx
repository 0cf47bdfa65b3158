/** /codes/:code — every meaning of one number, all facts, related codes, comparisons, a copyable example. */
import { getEntry, listCodes, wireEntry, type CodeEntry } from '../../codes/index.ts';
import { canonicalPair } from '../../compare/index.ts';
import { Layout } from '../views/layout.tsx';
import { codeHref } from '../views/code-list.tsx';
import { localePath } from '../locale-path.ts';
import type { PageContext } from '../page-context.ts';

function Bullets({ items }: { items: readonly string[] }) {
  return <ul>{items.map((item, i) => <li key={i}>{item}</li>)}</ul>;
}

/** The status line the client gets when it is not the code itself (nginx 494-497, IIS sub-statuses, ArcGIS), or none. */
function OnTheWire({ ctx, entry }: { ctx: PageContext; entry: CodeEntry }) {
  const wire = wireEntry(entry);
  if (!wire) return <>{ctx.m.aspect.noResponse}</>;
  return <a href={codeHref(ctx, wire)}>{wire.status} {wire.text[ctx.locale].title}</a>;
}

/** One meaning; when it is the page's only one, its title is the page's h1. */
function Meaning({ ctx, entry, single }: { ctx: PageContext; entry: CodeEntry; single: boolean }) {
  const H = single ? 'h1' : 'h2';
  const H3 = single ? 'h2' : 'h3';
  const { m, locale } = ctx;
  const t = entry.text[locale];
  const yesNo = (v: boolean | null) => (v ? m.yes : m.no);
  const flags: [string, string][] = [
    [m.web.flags.retryable, `${m.retryable[entry.flags.retryable]}: ${t.retry}`],
    [m.web.flags.cacheable, yesNo(entry.flags.cacheableByDefault)],
    [m.web.flags.emptyBody, yesNo(entry.flags.emptyBody)],
    [m.web.flags.redirect, entry.flags.redirect ? `${m.yes} (${m.web.flags.methodPreserving}: ${yesNo(entry.flags.methodPreserving)})` : m.no],
    [m.web.flags.interim, yesNo(entry.flags.interim)],
    [m.web.flags.clientVisible, yesNo(entry.flags.clientVisible)],
  ];
  const subStatuses = entry.subStatus === null && entry.vendor === null ? listCodes({ code: entry.code }).filter((e) => e.subStatus !== null) : [];
  return (
    <article id={entry.id} class={`meaning c${entry.class}`}>
      <H>
        <span class="status">{entry.status}</span> {t.title}
        {t.title !== entry.reason ? <span class="reason"> ({entry.reason})</span> : null}
      </H>
      <p class="tags">
        <span class="tag">{entry.class} {m.class[entry.class]}</span>
        <span class="tag">{m.standing[entry.standing]}</span>
        {entry.vendor ? <span class="tag">{entry.vendor}{entry.context ? ` · ${entry.context}` : ''}</span> : null}
      </p>
      <p class="lead">{t.summary}</p>
      <p>{t.description}</p>
      <dl class="facts">
        <dt>{m.aspect.whoFailed}</dt><dd>{t.whoFailed}</dd>
        <dt>{m.aspect.issuedBy}</dt><dd>{entry.issuedBy.map((i) => m.issuer[i]).join(', ')}</dd>
        {entry.onTheWire !== entry.status ? [<dt key="w-t">{m.aspect.onTheWire}</dt>, <dd key="w-d"><OnTheWire entry={entry} ctx={ctx} /></dd>] : null}
        {flags.map(([k, v]) => [<dt key={`${k}-t`}>{k}</dt>, <dd key={`${k}-d`}>{v}</dd>])}
        {entry.headers.length > 0 ? [<dt key="h-t">{m.aspect.headers}</dt>, <dd key="h-d">{entry.headers.join(', ')}</dd>] : null}
        <dt>{m.section.spec}</dt><dd><a href={entry.spec.url} rel="noopener">{entry.spec.title}</a></dd>
      </dl>
      <H3>{m.section.whenYouSeeIt}</H3>
      <p>{t.whenYouSeeIt}</p>
      <H3>{m.section.causes}</H3>
      <Bullets items={t.causes} />
      <H3>{m.section.whereToLook}</H3>
      <ol>{t.whereToLook.map((item, i) => <li key={i}>{item}</li>)}</ol>
      <div class="two-col">
        <section><H3>{m.section.fixOperator}</H3><Bullets items={t.fix.operator} /></section>
        <section><H3>{m.section.fixClient}</H3><Bullets items={t.fix.client} /></section>
      </div>
      <H3>{m.section.related}</H3>
      <ul class="related">
        {entry.related.map((id) => {
          const rel = getEntry(id);
          if (!rel) return null;
          const [, , pair] = canonicalPair(entry, rel);
          return (
            <li key={id}>
              <a href={codeHref(ctx, rel)}>{rel.status} {rel.text[locale].title}</a>
              {rel.vendor ? ` (${rel.vendor})` : ''}: {t.related[id]}{' '}
              <a class="compare-link" href={localePath(locale, `/compare/${pair}`)}>{m.web.compareWith} {rel.status}</a>
            </li>
          );
        })}
      </ul>
      {subStatuses.length > 0 ? (
        <p class="substatus">{subStatuses.map((s) => <a key={s.id} href={codeHref(ctx, s)}>{s.status} </a>)}</p>
      ) : null}
      <H3>{m.section.example}</H3>
      <div class="example">
        <figure>
          <figcaption>{m.web.request}</figcaption>
          <pre id={`req-${entry.id}`}><code>{entry.example.request}</code></pre>
          <button type="button" class="copy" data-copy={`req-${entry.id}`} hidden>{m.web.copy}</button>
        </figure>
        <figure>
          <figcaption>{m.web.response}</figcaption>
          <pre id={`res-${entry.id}`}><code>{entry.example.response}</code></pre>
          <button type="button" class="copy" data-copy={`res-${entry.id}`} hidden>{m.web.copy}</button>
        </figure>
        {entry.example.log ? (
          <figure>
            <figcaption>{m.web.logs}</figcaption>
            <pre id={`log-${entry.id}`}><code>{entry.example.log.map((l) => `${m.web.logKind[l.kind]}:\n${l.line}`).join('\n\n')}</code></pre>
            <button type="button" class="copy" data-copy={`log-${entry.id}`} hidden>{m.web.copy}</button>
          </figure>
        ) : null}
      </div>
    </article>
  );
}

export function CodePage({ ctx, entries }: { ctx: PageContext; entries: readonly CodeEntry[] }) {
  const first = entries[0] as CodeEntry;
  const t = first.text[ctx.locale];
  const title = entries.length > 1 ? ctx.m.web.meaningsOf(first.status, entries.length) : `${first.status} ${t.title}`;
  return (
    <Layout ctx={ctx} title={title} description={t.summary}>
      {entries.length > 1 ? <h1>{title}</h1> : null}
      {entries.length > 1 ? (
        <ul class="toc">{entries.map((e) => <li key={e.id}><a href={`#${e.id}`}>{e.status} {e.text[ctx.locale].title}{e.vendor ? ` (${e.vendor})` : ''}</a></li>)}</ul>
      ) : null}
      {entries.map((e) => <Meaning key={e.id} ctx={ctx} entry={e} single={entries.length === 1} />)}
    </Layout>
  );
}
