/** /api — the readable API documentation, rendered from the OpenAPI document and the error catalogue. */
import { ERROR_CATALOGUE } from '../../errors.ts';
import type { OpenApiDocument, OpenApiOperation } from '../api/openapi.ts';
import { Layout } from '../views/layout.tsx';
import type { PageContext } from '../page-context.ts';

/** One runnable example per operation, keyed "METHOD path". */
const EXAMPLES: Record<string, string> = {
  'GET /api/v1/codes': "curl -s 'http://localhost:3000/api/v1/codes?class=5xx&vendor=cloudflare'",
  'GET /api/v1/codes/{code}': "curl -s 'http://localhost:3000/api/v1/codes/502?lang=id'",
  'GET /api/v1/compare': "curl -s 'http://localhost:3000/api/v1/compare?a=502&b=504'",
  'GET /api/v1/search': "curl -s 'http://localhost:3000/api/v1/search?q=gateway%20timeout'",
  'POST /api/v1/diagnose': "curl -s -X POST -H 'content-type: text/plain' --data-binary @response.txt http://localhost:3000/api/v1/diagnose",
  'POST /api/v1/check': `curl -s -X POST -H 'content-type: application/json' -d '{"url":"https://example.com/"}' http://localhost:3000/api/v1/check`,
  'POST /api/v1/quiz/answer': `curl -s -X POST -H 'content-type: application/json' -d '{"lang":"en","q":"1","n":1,"score":0,"answer":"..."}' http://localhost:3000/api/v1/quiz/answer`,
};

const operationsOf = (doc: OpenApiDocument) =>
  Object.entries(doc.paths).flatMap(([path, item]) =>
    (['get', 'post'] as const).flatMap((method) => {
      const op: OpenApiOperation | undefined = item[method];
      return op ? [{ key: `${method.toUpperCase()} ${path}`, op }] : [];
    }),
  );

export function ApiDocsPage({ ctx, doc }: { ctx: PageContext; doc: OpenApiDocument }) {
  const { m } = ctx;
  return (
    <Layout ctx={ctx} title={m.web.apiDocsTitle} description={doc.info.description}>
      <h1>{m.web.apiDocsTitle}</h1>
      <p>{doc.info.description}</p>
      <p><a href="/api/openapi.json">OpenAPI 3.1: /api/openapi.json</a></p>
      {operationsOf(doc).map(({ key, op }) => (
        <section key={key}>
          <h2><code>{key}</code></h2>
          <p>{op.summary}</p>
          {op.parameters ? <ul>{op.parameters.map((p) => <li key={p.name}><code>{p.name}</code> ({p.in}){p.description ? `: ${p.description}` : ''}</li>)}</ul> : null}
          {EXAMPLES[key] ? <pre><code>{EXAMPLES[key]}</code></pre> : null}
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
