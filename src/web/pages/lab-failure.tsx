/**
 * /lab/fail/:scenario — one failure, run live through the lab's gateway: the Browser -> Gateway -> App picture
 * with the failing hop marked, what the browser got, the gateway's and the app's log lines, and the diagnosis of
 * the browser's view. Every byte from the wire is escaped by Preact.
 */
import type { DiagnosisReport } from '../../diagnose/index.ts';
import { curlError, FAILURE_PAGES, splitResponse, type FailurePage, type RawExchange, type ScenarioCapture } from '../../lab/index.ts';
import { localePath } from '../locale-path.ts';
import type { PageContext } from '../page-context.ts';
import { Layout } from '../views/layout.tsx';
import { DiagnosisResult } from './diagnose.tsx';

/** Body characters shown; the rest is counted. */
const BODY_EXCERPT = 600;

function clientView(ctx: PageContext, exchange: RawExchange): string {
  const response = splitResponse(exchange.bytes);
  const curl = curlError(exchange);
  if (!response) return [ctx.m.lab.noHead(exchange.bytes.length), ...(curl ? [curl] : [])].join('\n');
  const body = response.body.toString('latin1');
  const excerpt = body.length > BODY_EXCERPT ? `${body.slice(0, BODY_EXCERPT)}\n${ctx.m.lab.moreBytes(body.length - BODY_EXCERPT)}` : body;
  return [response.statusLine, ...response.headers.map(({ name, value }) => `${name}: ${value}`), '', excerpt, ...(curl ? [curl] : [])].join('\n');
}

function Lines({ title, lines, none }: { title: string; lines: readonly string[]; none: string }) {
  return (
    <section>
      <h2>{title}</h2>
      {lines.length > 0 ? <pre><code>{lines.join('\n')}</code></pre> : <p class="lab-silent">{none}</p>}
    </section>
  );
}

export function FailureList({ ctx }: { ctx: PageContext }) {
  return (
    <ul>
      {FAILURE_PAGES.map((p) => (
        <li key={p.slug}><a href={localePath(ctx.locale, `/lab/fail/${p.slug}`)}>{ctx.m.lab.failure[p.slug].title}</a></li>
      ))}
    </ul>
  );
}

export function LabFailurePage({ ctx, page, capture, report }: { ctx: PageContext; page: FailurePage; capture: ScenarioCapture; report: DiagnosisReport }) {
  const { m } = ctx;
  const t = m.lab.failure[page.slug];
  return (
    <Layout ctx={ctx} title={t.title} description={t.what}>
      <h1>{t.title}</h1>
      <p class="lead">{t.what}</p>
      <div class={`hops fail-${page.failing}`} aria-hidden="true">
        <span class="hop">{m.web.hop.browser}</span>
        <span class="arrow">→</span>
        <span class="hop hop-proxy">{m.lab.hop.gateway}</span>
        <span class="arrow arrow-link">→</span>
        <span class="hop hop-app">{m.web.hop.app}</span>
      </div>
      <p>{m.lab.failed[page.failing]}</p>
      <p>{m.lab.ranLive(capture.requestId)} <a href={localePath(ctx.locale, `/lab/fail/${page.slug}`)}>{m.lab.runAgain}</a></p>
      <section>
        <h2>{m.lab.clientGot}</h2>
        <pre class="lab-client"><code>{clientView(ctx, capture.exchange)}</code></pre>
      </section>
      <Lines title={m.lab.gatewayAccess} lines={capture.access} none="-" />
      <Lines title={m.lab.gatewayError} lines={capture.error} none={m.lab.gatewayNoError} />
      <Lines title={m.lab.appLog} lines={capture.app} none={m.lab.appSilent} />
      <section>
        <h2>{m.lab.verdict}</h2>
        {report.diagnoses.map((d, i) => <DiagnosisResult key={i} ctx={ctx} d={d} />)}
      </section>
      <section>
        <h2>{m.lab.allFailures}</h2>
        <FailureList ctx={ctx} />
        <p><a href={localePath(ctx.locale, `/lab/compare-gateways#${page.scenario}`)}>{m.lab.gateways.link}</a></p>
      </section>
    </Layout>
  );
}
