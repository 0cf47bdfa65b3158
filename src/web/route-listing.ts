/** The lists the sitemap and the static export read from the route table (routes.ts). */
import { localePath } from './locale-path.ts';
import type { Route } from './route.ts';
import { LOCALES } from '../i18n/index.ts';

const staticPaths = (route: Route) => route.instances?.() ?? [route.path];

/** Every locale-free page path of the sitemap: the pages without parameters first, then the instances of those with. */
export function sitePaths(routes: readonly Route[]): string[] {
  const listed = routes.filter((r) => r.staticExport === 'sitemap');
  return [...listed.filter((r) => !r.instances).map((r) => r.path), ...listed.flatMap((r) => r.instances?.() ?? [])];
}

/** The URLs, in every locale, of the pages that only work with the server behind them (the static export leaves them out). */
export function serverOnlyUrls(routes: readonly Route[]): string[] {
  return routes.filter((r) => r.staticExport === 'server-only').flatMap(staticPaths).flatMap((path) => LOCALES.map((l) => localePath(l, path)));
}

/** The URLs of the files exported at their own URL (sitemap.xml, robots.txt, the OpenAPI document, the CSS and JS). */
export function fileUrls(routes: readonly Route[]): string[] {
  return routes.filter((r) => r.staticExport === 'file').map((r) => r.path);
}
