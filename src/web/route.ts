/** What one route of the table (routes.ts) is, and what its handler is built from when the table is registered. */
import type { HTTPMethods, RouteHandlerMethod } from 'fastify';
import type { ScenarioLab } from '../lab/index.ts';
import type { OpenApiOperation } from './api/openapi.ts';
import type { PageCache } from './page-cache.ts';
import type { SiteOptions } from './page-context.ts';
import type { Locale } from '../i18n/index.ts';

/**
 * The plugin context a route is registered in, for what it shares with its neighbours: `site` is the app itself;
 * `checks` has per-route rate limits; `api` has the API's rate limit, CORS and text bodies; `playground` has the
 * lab's problem+json errors and ignores request bodies.
 */
export type RouteScope = 'site' | 'checks' | 'api' | 'playground';

/** Everything a handler may need, built once per app by the registration. */
export interface RouteEnv {
  site: SiteOptions;
  /** The whole table, for the handlers that describe it (sitemap.xml, the OpenAPI document). */
  routes: readonly Route[];
  /** Pages whose HTML depends only on their URL, rendered once (page-cache.ts). */
  pageCache: PageCache;
  /** The lab behind the failure pages: started on first use, closed with the app. */
  scenarioLab: () => Promise<ScenarioLab>;
}

interface RouteCommon {
  method: HTTPMethods | readonly HTTPMethods[];
  /** Without the locale prefix: "/codes/:code". */
  path: string;
  /** Unset: `site`. */
  scope?: RouteScope;
  /** Largest request body, when it is not the app's small default. */
  bodyLimit?: number;
  /** This route's own per-client budget (its scope must have the rate-limit plugin: `checks` or `api`). */
  rateLimit?: { max: number; timeWindow: string };
  /**
   * What the sitemap and the static export make of this GET route: `sitemap` pages are listed in the sitemap and
   * start the export's crawl; `server-only` pages are left out of the export (a static host answers them with
   * 404.html); a `file` is exported at its own URL. Unset: exported when an exported page links to it.
   */
  staticExport?: 'sitemap' | 'server-only' | 'file';
  /** The concrete locale-free paths of a route with parameters that `staticExport` applies to ("/codes/502", ...). */
  instances?: () => readonly string[];
  /** The operation in the OpenAPI document (the JSON API's routes). */
  openApi?: OpenApiOperation;
}

/**
 * A localized route is registered once per locale, at localePath(locale, path), with a handler for that locale;
 * the others once, at their path, for every locale (the API takes ?lang=).
 */
export type Route = RouteCommon &
  ({ localized: true; handler: (env: RouteEnv, locale: Locale) => RouteHandlerMethod } | { localized: false; handler: (env: RouteEnv) => RouteHandlerMethod });
