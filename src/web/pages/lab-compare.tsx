/**
 * /lab/compare-gateways — every lab scenario side by side through httpwhy's built-in gateway, nginx, HAProxy and
 * Caddy, from data/lab/gateway-outcomes.json (real runs, checked against a live run by test/proxies/): the status
 * the client got, the body, the gateway's log signature, whether the app logged anything, the diagnosis verdict.
 */
import { FAILURE_PAGES, GATEWAYS, type GatewayName, type GatewayOutcome, type GatewayOutcomes, type Scenario } from '../../lab/index.ts';
import { localePath } from '../locale-path.ts';
import type { PageContext } from '../page-context.ts';
import { Layout } from '../views/layout.tsx';

/** The live failure page of a scenario, when the site has one. */
export const liveSlug = (scenario: Scenario): string | undefined => FAILURE_PAGES.find((p) => p.scenario === scenario)?.slug;

export function verdictText(ctx: PageContext, d: GatewayOutcome['diagnosis']): string {
  const v = ctx.m.lab.gateways.verdict;
  return d.verdict === 'identified' ? v.identified(d.issuer ?? '?') : v[d.verdict];
}

export function clientGotText(ctx: PageContext, o: GatewayOutcome): string {
  const g = ctx.m.lab.gateways;
  const status = o.statusLine?.replace(/^HTTP\/\d(?:\.\d)? /, '') ?? g.noHead;
  return o.retryAfter === null ? status : `${status}, ${g.retryAfter(o.retryAfter)}`;
}

function bodyText(ctx: PageContext, o: GatewayOutcome): string {
  const g = ctx.m.lab.gateways;
  return o.cut ? `${g.body[o.body]}, ${g.cut(o.cut.received, o.cut.announced)}` : g.body[o.body];
}

const GUARDED: readonly Scenario[] = ['overload', 'rate-limited'];

function Row({ ctx, gateway, o }: { ctx: PageContext; gateway: GatewayName; o: GatewayOutcome }) {
  const g = ctx.m.lab.gateways;
  return (
    <tr class={o.failing === null ? 'intact' : `fail-${o.failing}`}>
      <th scope="row">{g.name[gateway]}</th>
      <td>{clientGotText(ctx, o)}</td>
      <td>{bodyText(ctx, o)}</td>
      <td><code>{o.signature}</code></td>
      <td>{o.app.length > 0 ? g.yes : g.no}</td>
      <td>{verdictText(ctx, o.diagnosis)}</td>
    </tr>
  );
}

function ScenarioSection({ ctx, entry }: { ctx: PageContext; entry: GatewayOutcomes['scenarios'][number] }) {
  const g = ctx.m.lab.gateways;
  const scenario = entry.scenario as Scenario;
  const t = g.scenario[scenario];
  const slug = liveSlug(scenario);
  const caddyPassed = GUARDED.includes(scenario) && entry.outcomes.caddy.failing === null;
  return (
    <section id={scenario} aria-labelledby={`h-${scenario}`}>
      <h2 id={`h-${scenario}`}>{t.title}</h2>
      <p>{t.what}{slug ? <> <a href={localePath(ctx.locale, `/lab/fail/${slug}`)}>{g.runLive}</a></> : null}</p>
      <table class="gateways">
        <thead>
          <tr>
            {(['gateway', 'got', 'body', 'log', 'app', 'diagnosis'] as const).map((c) => <th key={c} scope="col">{g.column[c]}</th>)}
          </tr>
        </thead>
        <tbody>
          {GATEWAYS.map((gateway) => <Row key={gateway} ctx={ctx} gateway={gateway} o={entry.outcomes[gateway]} />)}
        </tbody>
      </table>
      {caddyPassed ? <p class="note">{g.noLimit}</p> : null}
    </section>
  );
}

export function LabComparePage({ ctx, data }: { ctx: PageContext; data: GatewayOutcomes }) {
  const g = ctx.m.lab.gateways;
  const versions = GATEWAYS.map((gateway) => `${g.name[gateway]} ${data.versions[gateway]}`).join(', ');
  return (
    <Layout ctx={ctx} title={g.title} description={g.intro}>
      <h1>{g.title}</h1>
      <p class="lead">{g.intro}</p>
      <p>{g.setup}</p>
      <p>{g.captured(data.capturedAt, versions)}</p>
      <nav aria-label={ctx.m.lab.allFailures}>
        <ul>
          {data.scenarios.map(({ scenario }) => (
            <li key={scenario}><a href={`#${scenario}`}>{g.scenario[scenario as Scenario].title}</a></li>
          ))}
        </ul>
      </nav>
      {data.scenarios.map((entry) => <ScenarioSection key={entry.scenario} ctx={ctx} entry={entry} />)}
      <p><a href={localePath(ctx.locale, '/lab')}>{ctx.m.lab.title}</a></p>
    </Layout>
  );
}
