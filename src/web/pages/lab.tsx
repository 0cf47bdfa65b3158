/** /lab — the lab's index: the failure scenarios, then every playground endpoint with its parameters and limits, and clickable, copyable curl examples. */
import { LAB_ENDPOINTS, LAB_PARAMS, STREAM_MAX_TOTAL_MS, type LabEndpoint, type LabParamName } from '../../lab/index.ts';
import { localePath } from '../locale-path.ts';
import type { PageContext } from '../page-context.ts';
import { Layout } from '../views/layout.tsx';
import { FailureList } from './lab-failure.tsx';

function defaultOf(ctx: PageContext, name: LabParamName): string {
  const spec = LAB_PARAMS[name];
  if (spec.kind === 'list') return ctx.m.lab.required;
  return spec.kind === 'number' ? `${spec.default} ${ctx.m.lab.unit[spec.unit]}` : spec.default;
}

function limitOf(ctx: PageContext, name: LabParamName): string {
  const spec = LAB_PARAMS[name];
  if (spec.kind === 'list') return ctx.m.lab.listLimit(spec.max, spec.maxWeight);
  if (spec.kind === 'choice') return spec.choices.join(', ');
  const range = ctx.m.lab.range(spec.min, spec.max, ctx.m.lab.unit[spec.unit]);
  return name === 'interval' ? `${range}; ${ctx.m.lab.streamLimit(STREAM_MAX_TOTAL_MS)}` : range;
}

function Endpoint({ ctx, endpoint, index }: { ctx: PageContext; endpoint: LabEndpoint; index: number }) {
  const { m } = ctx;
  return (
    <section aria-labelledby={`lab-${endpoint.key}`}>
      <h2 id={`lab-${endpoint.key}`}><code>{endpoint.path}</code></h2>
      <p>{m.lab.endpoint[endpoint.key]}</p>
      <table>
        <thead><tr><th scope="col">{m.lab.parameter}</th><th scope="col">{m.lab.meaning}</th><th scope="col">{m.lab.defaultValue}</th><th scope="col">{m.lab.limit}</th></tr></thead>
        <tbody>
          {endpoint.params.map((name) => (
            <tr key={name}><td><code>{name}</code></td><td>{m.lab.param[name]}</td><td>{defaultOf(ctx, name)}</td><td>{limitOf(ctx, name)}</td></tr>
          ))}
        </tbody>
      </table>
      <h3>{m.lab.examples}</h3>
      {endpoint.examples.map((example, i) => {
        const path = localePath(ctx.locale, example);
        const id = `curl-${index}-${i}`;
        return (
          <figure key={example}>
            <figcaption><a href={path}>{path}</a></figcaption>
            <pre id={id}><code>{`curl ${endpoint.curl} '${ctx.siteUrl}${path}'`}</code></pre>
            <button type="button" class="copy" data-copy={id} hidden>{m.web.copy}</button>
          </figure>
        );
      })}
    </section>
  );
}

export function LabPage({ ctx }: { ctx: PageContext }) {
  const { m } = ctx;
  return (
    <Layout ctx={ctx} title={m.lab.title} description={m.lab.intro}>
      <h1>{m.lab.title}</h1>
      <p>{m.lab.intro}</p>
      <p>{m.lab.limitsNote}</p>
      <p>{m.lab.interimNote}</p>
      <section aria-labelledby="lab-failures">
        <h2 id="lab-failures">{m.lab.failures}</h2>
        <p>{m.lab.failuresIntro}</p>
        <FailureList ctx={ctx} />
        <p><a href={localePath(ctx.locale, '/lab/compare-gateways')}>{m.lab.gateways.link}</a></p>
      </section>
      {LAB_ENDPOINTS.map((endpoint, index) => <Endpoint key={endpoint.key} ctx={ctx} endpoint={endpoint} index={index} />)}
    </Layout>
  );
}
