/** /diagnose — paste a response (or pick a HAR file) and get the diagnosis. Every reflected byte is escaped by Preact. */
import { APPLICATION, applicationName, componentName, evidenceLine, inferredLabel, issuerLabel, observationLabel, type Diagnosis, type DiagnosisReport } from '../../diagnose/index.ts';
import { Layout } from '../views/layout.tsx';
import { localePath } from '../locale-path.ts';
import type { PageContext } from '../page-context.ts';

const list = (items: readonly string[]) => <ul>{items.map((item, i) => <li key={i}>{item}</li>)}</ul>;

export function DiagnosisResult({ ctx, d }: { ctx: PageContext; d: Diagnosis }) {
  const l = ctx.m.diagnose.label;
  return (
    <article class={`diagnosis verdict-${d.verdict}`}>
      <h2>{ctx.m.web.diagnose.resultFor(observationLabel(d.label, ctx.m.diagnose))}</h2>
      <p class="lead">{d.summary}</p>
      <dl class="facts">
        {d.issuer ? [<dt key="i">{issuerLabel(d, ctx.m.diagnose)}</dt>, <dd key="id">{componentName(d.issuer.component, ctx.m.issuer[d.issuer.layer], d.chain, ctx.m.diagnose)}</dd>] : null}
        {d.confidence ? [<dt key="c">{l.confidence}</dt>, <dd key="cd">{ctx.m.confidence[d.confidence]}{d.verdict === 'inferred' ? ` (${inferredLabel(d, l)})` : ''}</dd>] : null}
        {d.chain.length > 0 ? [<dt key="p">{l.path}</dt>, <dd key="pd">{d.chain.map((c) => `${c.component === APPLICATION ? applicationName(d.chain, ctx.m.diagnose) : c.component}${c.role === 'issuer' ? ` (${c.layer === 'client-tooling' ? l.reportedHere : l.issuedHere})` : ''}`).join(' → ')}</dd>] : null}
        {d.seen.statusLine ? [<dt key="s">{l.seen}</dt>, <dd key="sd"><code>{d.seen.statusLine}</code></dd>] : null}
      </dl>
      {d.evidence.length > 0 ? (
        <>
          <h3>{l.evidence}</h3>
          <ul>
            {d.evidence.map((e, i) => (
              <li key={i}>
                <code>{evidenceLine(e, ctx.m.diagnose)}</code> → {e.component}{' '}
                <a href={e.source} rel="noopener nofollow">{ctx.m.confidence[e.confidence]}</a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {d.causes.length > 0 ? <><h3>{l.causes}</h3>{list(d.causes)}</> : null}
      {d.whereToLook.length > 0 ? <><h3>{l.where}</h3>{list(d.whereToLook)}</> : null}
      {d.nextSteps.length > 0 ? <><h3>{l.next}</h3>{list(d.nextSteps)}</> : null}
      {d.networkFailure ? (
        <>
          <h3>{l.proxyAnswers}</h3>
          <ul>{d.networkFailure.proxyAnswers.map((a, i) => <li key={i}>{a.component}: {a.status ?? l.statusAlreadySent}</li>)}</ul>
        </>
      ) : null}
      {d.statusMeanings.length > 0 ? (
        <>
          <h3>{l.meaning}</h3>
          <ul>{d.statusMeanings.map((s) => <li key={s.id}><a href={localePath(ctx.locale, `/codes/${s.id.split('-')[0]}`)}>{s.title}</a>: {s.summary}</li>)}</ul>
        </>
      ) : null}
      {d.verdict === 'unknown' && (d.seen.headers.length > 0 || d.seen.bodyExcerpt || d.seen.logLine) ? (
        <>
          <h3>{l.seen}</h3>
          <pre><code>{d.seen.logLine ?? [d.seen.statusLine ?? '', ...d.seen.headers.map((h) => `${h.name}: ${h.value}`), '', d.seen.bodyExcerpt ?? ''].join('\n')}</code></pre>
        </>
      ) : null}
      {d.notes.length > 0 ? <><h3>{l.notes}</h3>{list(d.notes)}</> : null}
    </article>
  );
}

export function DiagnosePage({ ctx, input = '', report }: { ctx: PageContext; input?: string; report?: DiagnosisReport }) {
  const t = ctx.m.web.diagnose;
  return (
    <Layout ctx={ctx} title={t.title} description={t.intro}>
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      <form class="diagnose-form" action={localePath(ctx.locale, '/diagnose')} method="post">
        <label for="input">{t.inputLabel}</label>
        <textarea id="input" name="input" rows={14} maxLength={1_000_000} required spellcheck={false}>{input}</textarea>
        <label for="file" class="file-label" hidden>{t.fileLabel}</label>
        <input id="file" type="file" accept=".har,.json,.txt,.http,.log" hidden />
        <button type="submit">{t.submit}</button>
      </form>
      {report ? report.diagnoses.map((d, i) => <DiagnosisResult key={i} ctx={ctx} d={d} />) : null}
    </Layout>
  );
}
