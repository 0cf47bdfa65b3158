/**
 * Every route of the site in one table, as go-httpbin's httpbin.go has it: method, locale-free path, whether it
 * exists in each locale, handler. Handlers stay in their modules; register-routes.ts is the one place that adds
 * routes to the app, from this table, and the sitemap, the static export and the OpenAPI document read their lists
 * from it. A localized route is served at localePath(locale, path): "/codes/502" and "/id/codes/502".
 */
import type { RouteHandlerMethod } from 'fastify';
import { listCodes } from '../codes/index.ts';
import { FAILURE_PAGES, PLAYGROUND_STATUS_METHODS, playgroundDrip, playgroundRandomStatus, playgroundStatus, playgroundStream, type PlaygroundLocale } from '../lab/index.ts';
import * as api from './api/handlers.ts';
import { OPERATIONS } from './api/openapi.ts';
import { API_V1, QUIZ_ANSWER_API } from './api/paths.ts';
import type { AssetManifest } from './assets.ts';
import { CATEGORY_SLUGS } from './categories.ts';
import { localePrefix } from './locale-path.ts';
import { COMMON_PAIRS } from './pages/compare.tsx';
import { CHECK_RATE_LIMIT } from './rate-limits.ts';
import type { Route, RouteEnv } from './route.ts';
import { checkAnswer, checkForm } from './routes-check.tsx';
import { diagnoseAnswer, diagnoseForm } from './routes-diagnose.tsx';
import { failureRun, gatewayComparison } from './routes-lab.tsx';
import * as pages from './routes-pages.tsx';
import { assetFile, openApiJson, robots, sitemap } from './site-files.ts';
import type { Locale } from '../i18n/index.ts';

/** A playground handler for the locale it is registered in, with that locale's URL prefix. */
const inLocale = (handler: (where: PlaygroundLocale) => RouteHandlerMethod) => (_env: RouteEnv, locale: Locale) => handler({ locale, prefix: localePrefix(locale) });

const codePaths = () => [...new Set(listCodes().map((e) => e.status))].map((s) => `/codes/${s}`);
const commonPairPaths = () => COMMON_PAIRS.map((p) => `/compare/${p}`);
const categoryPaths = () => CATEGORY_SLUGS.map((s) => `/categories/${s}`);
const failurePaths = () => FAILURE_PAGES.map((p) => `/lab/fail/${p.slug}`);

/** The table; only the asset URLs (with their content hashes) come from the build. */
export function siteRoutes(assets: AssetManifest): readonly Route[] {
  return [
    // The guide, in every locale.
    { method: 'GET', path: '/', localized: true, handler: pages.home, staticExport: 'sitemap' },
    { method: 'GET', path: '/codes', localized: true, handler: pages.codesIndex, staticExport: 'sitemap' },
    { method: 'GET', path: '/codes/:code', localized: true, handler: pages.codeDetail, staticExport: 'sitemap', instances: codePaths },
    { method: 'GET', path: '/compare', localized: true, handler: pages.comparePicker, staticExport: 'sitemap' },
    { method: 'GET', path: '/compare/:pair', localized: true, handler: pages.comparison, staticExport: 'sitemap', instances: commonPairPaths },
    { method: 'GET', path: '/diagnose', localized: true, handler: diagnoseForm, staticExport: 'sitemap' },
    { method: 'POST', path: '/diagnose', localized: true, handler: diagnoseAnswer, bodyLimit: api.DIAGNOSE_BODY_LIMIT },
    { method: 'GET', path: '/check', localized: true, handler: checkForm, staticExport: 'sitemap' },
    { method: 'POST', path: '/check', localized: true, handler: checkAnswer, scope: 'checks', rateLimit: CHECK_RATE_LIMIT },
    { method: 'GET', path: '/cheat-sheet', localized: true, handler: pages.cheatSheet, staticExport: 'sitemap' },
    { method: 'GET', path: '/categories/:slug', localized: true, handler: pages.category, staticExport: 'sitemap', instances: categoryPaths },
    { method: 'GET', path: '/search', localized: true, handler: pages.searchResults, staticExport: 'sitemap' },
    { method: 'GET', path: '/quiz', localized: true, handler: pages.quiz, staticExport: 'server-only' },
    { method: 'POST', path: '/quiz', localized: true, handler: pages.quizAnswer },
    { method: 'GET', path: '/api', localized: true, handler: pages.apiDocs, staticExport: 'sitemap' },
    // The lab: its index, the gateway comparison, the live failure pages, and the status playground.
    { method: 'GET', path: '/lab', localized: true, handler: pages.labIndex, staticExport: 'server-only' },
    { method: 'GET', path: '/lab/compare-gateways', localized: true, handler: gatewayComparison, staticExport: 'sitemap' },
    { method: 'GET', path: '/lab/fail/:scenario', localized: true, handler: failureRun, staticExport: 'server-only', instances: failurePaths },
    { method: PLAYGROUND_STATUS_METHODS, path: '/lab/status/random', localized: true, handler: inLocale(playgroundRandomStatus), scope: 'playground' },
    { method: PLAYGROUND_STATUS_METHODS, path: '/lab/status/:code', localized: true, handler: inLocale(playgroundStatus), scope: 'playground' },
    { method: 'GET', path: '/lab/drip', localized: true, handler: () => playgroundDrip, scope: 'playground' },
    { method: 'GET', path: '/lab/stream', localized: true, handler: () => playgroundStream, scope: 'playground' },
    // The JSON API: one URL for every locale (?lang=).
    { method: 'GET', path: `${API_V1}/codes`, localized: false, handler: api.codeList, scope: 'api', openApi: OPERATIONS.listCodes },
    { method: 'GET', path: `${API_V1}/codes/:code`, localized: false, handler: api.codeMeanings, scope: 'api', openApi: OPERATIONS.codeMeanings },
    { method: 'GET', path: `${API_V1}/compare`, localized: false, handler: api.comparison, scope: 'api', openApi: OPERATIONS.compare },
    { method: 'POST', path: `${API_V1}/diagnose`, localized: false, handler: api.diagnosis, scope: 'api', bodyLimit: api.DIAGNOSE_BODY_LIMIT, openApi: OPERATIONS.diagnose },
    { method: 'POST', path: `${API_V1}/check`, localized: false, handler: api.urlCheck, scope: 'api', rateLimit: CHECK_RATE_LIMIT, openApi: OPERATIONS.check },
    { method: 'POST', path: QUIZ_ANSWER_API, localized: false, handler: api.quizAnswer, scope: 'api', openApi: OPERATIONS.quizAnswer },
    { method: 'GET', path: `${API_V1}/search`, localized: false, handler: api.searchHits, scope: 'api', openApi: OPERATIONS.search },
    // Files at fixed URLs.
    { method: 'GET', path: '/api/openapi.json', localized: false, handler: openApiJson, staticExport: 'file' },
    { method: 'GET', path: '/sitemap.xml', localized: false, handler: sitemap, staticExport: 'file' },
    { method: 'GET', path: '/robots.txt', localized: false, handler: robots, staticExport: 'file' },
    { method: 'GET', path: assets.css.url, localized: false, handler: assetFile(assets.css), staticExport: 'file' },
    { method: 'GET', path: assets.js.url, localized: false, handler: assetFile(assets.js), staticExport: 'file' },
  ];
}
