/** /api — the readable API documentation, rendered from the OpenAPI document and the error catalogue. */
import { ERROR_CATALOGUE } from '../../errors.ts';
import { openApiDocument } from '../api/openapi.ts';
import { Layout } from '../views/layout.tsx';
import type { PageContext } from '../page-context.ts';

const EXAMPLES: Record<string, string> = {
  '/api/v1/codes': '/api/v1/codes?class=5xx&vendor=cloudflare',
  '/api/v1/codes/{code}': '/api/v1/codes/502?lang=id',
  '/api/v1/compare': '/api/v1/compare?a=502&b=504',
  '/api/v1/search': '/api/v1/search?q=gateway%20timeout',
};

export function ApiDocsPage({ ctx }: { ctx: PageContext }) {
  const { m } = ctx;
  return (
    <Layout ctx={ctx} title={m.web.apiDocsTitle} description={openApiDocument.info.description}>
      <h1>{m.web.apiDocsTitle}</h1>
      <p>{openApiDocument.info.description}</p>
      <p><a href="/api/openapi.json">OpenAPI 3.1: /api/openapi.json</a></p>
      {Object.entries(openApiDocument.paths).map(([path, item]) => (
        <section key={path}>
          <h2><code>GET {path}</code></h2>
          <p>{item.get.summary}</p>
          <ul>{item.get.parameters.map((p) => <li key={p.name}><code>{p.name}</code> ({p.in}){'description' in p ? `: ${p.description}` : ''}</li>)}</ul>
          <pre><code>{`curl -s 'http://localhost:3000${EXAMPLES[path] ?? path}'`}</code></pre>
        </section>
      ))}
      <h2 id="errors">Errors</h2>
      <table>
        <thead><tr><th scope="col">code</th><th scope="col">HTTP</th><th scope="col">title</th></tr></thead>
        <tbody>
          {Object.entries(ERROR_CATALOGUE).map(([code, spec]) => (
            <tr key={code} id={code}><td><code>{code}</code></td><td>{spec.status}</td><td>{spec.title}</td></tr>
          ))}
        </tbody>
      </table>
    </Layout>
  );
}
