import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from './app.ts';
import { loadAssets } from './assets.ts';
import { localePath } from './locale-path.ts';
import type { Route } from './route.ts';
import { siteRoutes } from './routes.ts';
import { LOCALES } from '../i18n/index.ts';

/** "METHOD /url" for every route the app answers, read from Fastify's own printout of its router. */
function printedRoutes(app: FastifyInstance): string[] {
  const stack: string[] = [];
  const routes: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n').filter((l) => l.trim() !== '')) {
    // Each line is one node: its tree indentation, the part of the URL it adds to its parent's, and its methods.
    const match = /^((?:│ {3}| {4})*)(?:├── |└── )(.*?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!match) throw new Error(`unexpected printRoutes line: ${line}`);
    const [, indent = '', segment = '', methods] = match;
    stack.length = indent.length / 4;
    const url = stack.join('') + segment;
    stack.push(segment);
    for (const method of methods?.split(', ') ?? []) routes.push(`${method} ${url}`);
  }
  return routes.toSorted();
}

/** "METHOD /url" for every route of the table: each locale's URL of a localized route, HEAD with every GET. */
function tableRoutes(routes: readonly Route[]): string[] {
  return routes
    .flatMap((route) => {
      const methods = [route.method].flat();
      const urls = route.localized ? LOCALES.map((l) => localePath(l, route.path)) : [route.path];
      return urls.flatMap((url) => [...methods, ...(methods.includes('GET') ? ['HEAD'] : [])].map((m) => `${m} ${url}`));
    })
    .toSorted();
}

function compareWithTable(app: FastifyInstance, routes: readonly Route[]): { unlisted: string[]; missing: string[] } {
  const printed = printedRoutes(app);
  const listed = tableRoutes(routes);
  return { unlisted: printed.filter((r) => !listed.includes(r)), missing: listed.filter((r) => !printed.includes(r)) };
}

let app: FastifyInstance | undefined;
afterEach(() => app?.close());

describe('the route table', () => {
  it('is every route the app registers, and nothing else', async () => {
    app = await buildApp();
    await app.ready();
    const table = siteRoutes(loadAssets());
    expect(printedRoutes(app).length).toBeGreaterThan(100);
    expect(compareWithTable(app, table)).toEqual({ unlisted: [], missing: [] });
  });

  it('catches a route registered outside it, in the app or in a plugin', async () => {
    app = await buildApp();
    app.get('/stray', async () => 'not in the table');
    await app.register(async (scope) => {
      scope.post(localePath('id', '/stray/:id'), async () => 'nor this');
    });
    await app.ready();
    expect(compareWithTable(app, siteRoutes(loadAssets()))).toEqual({ unlisted: ['GET /stray', 'HEAD /stray', 'POST /id/stray/:id'], missing: [] });
  });

  it('catches a route of the table that the app does not register', async () => {
    app = await buildApp();
    await app.ready();
    const table = siteRoutes(loadAssets());
    const ghost: Route = { method: 'PUT', path: '/codes/:code', localized: true, handler: () => async () => '' };
    expect(compareWithTable(app, [...table, ghost])).toEqual({ unlisted: [], missing: ['PUT /codes/:code', 'PUT /id/codes/:code'] });
  });

  it('lists each method and URL once', () => {
    const listed = tableRoutes(siteRoutes(loadAssets()));
    expect(listed.filter((r, i) => listed.indexOf(r) === i)).toEqual(listed);
  });
});
