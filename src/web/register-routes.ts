/**
 * The one place that adds routes to the app: every route of the table, in its scope, once per locale when it is
 * localized. A scope is a Fastify plugin context, so what its routes share (a rate limit, an error handler, body
 * parsers) stays inside it.
 */
import type { FastifyInstance, RouteOptions } from 'fastify';
import { playgroundScope } from '../lab/index.ts';
import { apiScope } from './api/handlers.ts';
import { localePath } from './locale-path.ts';
import { createPageCache } from './page-cache.ts';
import type { SiteOptions } from './page-context.ts';
import { limitScope } from './rate-limits.ts';
import type { Route, RouteEnv, RouteScope } from './route.ts';
import { lazyScenarioLab } from './routes-lab.tsx';
import { LOCALES } from '../i18n/index.ts';

export interface RegisterOptions {
  site: SiteOptions;
  /** Requests per minute per client on the API. */
  apiRateLimit: number;
}

/** How each scope other than the app itself is set up before its routes are added. */
const SCOPES: Record<Exclude<RouteScope, 'site'>, (scope: FastifyInstance, options: RegisterOptions) => Promise<void> | void> = {
  checks: (scope) => limitScope(scope),
  api: (scope, options) => apiScope(scope, options.apiRateLimit),
  playground: (scope) => playgroundScope(scope),
};

function addRoute(scope: FastifyInstance, route: Route, env: RouteEnv): void {
  const options: Omit<RouteOptions, 'url' | 'handler'> = {
    method: typeof route.method === 'string' ? route.method : [...route.method],
    ...(route.bodyLimit === undefined ? {} : { bodyLimit: route.bodyLimit }),
    ...(route.rateLimit === undefined ? {} : { config: { rateLimit: route.rateLimit } }),
  };
  if (!route.localized) {
    scope.route({ ...options, url: route.path, handler: route.handler(env) });
    return;
  }
  for (const locale of LOCALES) scope.route({ ...options, url: localePath(locale, route.path), handler: route.handler(env, locale) });
}

export async function registerRoutes(app: FastifyInstance, routes: readonly Route[], options: RegisterOptions): Promise<void> {
  const env: RouteEnv = { site: options.site, routes, pageCache: createPageCache(), scenarioLab: lazyScenarioLab(app) };
  for (const route of routes) if ((route.scope ?? 'site') === 'site') addRoute(app, route, env);
  for (const [name, setUp] of Object.entries(SCOPES)) {
    await app.register(async (scope) => {
      await setUp(scope, options);
      for (const route of routes) if (route.scope === name) addRoute(scope, route, env);
    });
  }
}
