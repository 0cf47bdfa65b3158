/** /check — the URL checker: redirect chain, timings, TLS, failure with what a proxy would answer, and the diagnosis. */
import type { CheckResult } from '../../check/index.ts';
import { Layout } from '../views/layout.tsx';
import { localePath } from '../locale-path.ts';
import type { PageContext } from '../page-context.ts';
import { DiagnosisResult } from './diagnose.tsx';

const ms = (value: number | null) => (value === null ? '–' : `${value.toFixed(1)} ms`);

function Result({ ctx, r }: { ctx: PageContext; r: CheckResult }) {
  const c = ctx.m.check;
  const t = ctx.m.web.checkPage;
  return (
    <section class="check-result" aria-labelledby="result">
      <h2 id="result">{c.label.result}: {r.status ?? '–'} · {c.hops(r.hops.length)} · {ms(r.totalMs)}</h2>
      <table>
        <caption>{c.label.chain}</caption>
        <thead>
          <tr><th scope="col">{t.hop}</th><th scope="col">{t.address}</th><th scope="col">{c.timing.dns}</th><th scope="col">{c.timing.connect}</th><th scope="col">{c.timing.tls}</th><th scope="col">{c.timing.ttfb}</th><th scope="col">{c.timing.total}</th></tr>
        </thead>
        <tbody>
          {r.hops.map((hop, i) => (
            <tr key={i}>
              <th scope="row"><code>{hop.status ?? '–'}</code> {hop.url}{hop.location ? ` → ${hop.location}` : ''}</th>
              <td>{hop.address ?? '–'}</td>
              <td>{ms(hop.timings.dns)}</td>
              <td>{ms(hop.timings.connect)}</td>
              <td>{ms(hop.timings.tls)}</td>
              <td>{ms(hop.timings.ttfb)}</td>
              <td>{ms(hop.timings.total)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {r.hops.flatMap((hop, i) => (hop.tls ? [
        <p key={`tls-${i}`}>
          {c.label.tls}: {hop.tls.protocol ?? '–'} · {hop.tls.issuer ?? '–'} · {hop.tls.daysToExpiry === null ? '–' : c.expiresIn(hop.tls.daysToExpiry)} · {hop.tls.nameMatch ? c.nameMatches : c.nameMismatch}
          {hop.tls.trusted ? '' : ` · ${c.untrusted(hop.tls.verifyError ?? '')}`}
        </p>,
      ] : []))}
      {r.failure ? (
        <>
          <h3>{c.label.failure}: {c.failure[r.failure.kind]}{r.failure.phase ? ` (${c.during(c.phase[r.failure.phase])})` : ''}</h3>
          <p><code>{r.failure.code}</code> {r.failure.message}</p>
          <h3>{c.label.proxies}</h3>
          <ul>{r.failure.proxyAnswers.map((a, i) => <li key={i}>{a.component}: {a.status ?? '–'}</li>)}</ul>
        </>
      ) : null}
      {r.diagnosis ? r.diagnosis.diagnoses.map((d, i) => <DiagnosisResult key={i} ctx={ctx} d={d} />) : null}
    </section>
  );
}

export function CheckPage({ ctx, url = '', result, error }: { ctx: PageContext; url?: string; result?: CheckResult; error?: string }) {
  const t = ctx.m.web.checkPage;
  return (
    <Layout ctx={ctx} title={t.title} description={t.intro}>
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      <form class="search-big" action={localePath(ctx.locale, '/check')} method="post">
        <label for="url">{t.urlLabel}</label>
        <input id="url" name="url" type="url" value={url} required maxLength={2000} placeholder="https://example.com/" />
        <button type="submit">{t.submit}</button>
      </form>
      {error ? <p role="alert" class="error">{error}</p> : null}
      {result ? <Result ctx={ctx} r={result} /> : null}
    </Layout>
  );
}
