/** The handlers of the files the site serves at fixed URLs: robots.txt, sitemap.xml (every listed page in both languages, with hreflang alternates), the OpenAPI document, the CSS and JS. */
import type { RouteHandlerMethod } from 'fastify';
import { openApiDocument } from './api/openapi.ts';
import type { Asset } from './assets.ts';
import { API_V1 } from './api/paths.ts';
import { CACHE } from './http-cache.ts';
import { localePath } from './locale-path.ts';
import { sitePaths } from './route-listing.ts';
import type { RouteEnv } from './route.ts';
import { LOCALES } from '../i18n/index.ts';

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

function sitemapXml(siteUrl: string, paths: readonly string[]): string {
  const urls = paths.flatMap((path) =>
    LOCALES.map((locale) => {
      const alt = LOCALES.map((l) => `<xhtml:link rel="alternate" hreflang="${l}" href="${xmlEscape(siteUrl + localePath(l, path))}"/>`).join('');
      return `<url><loc>${xmlEscape(siteUrl + localePath(locale, path))}</loc>${alt}</url>`;
    }),
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${urls.join('\n')}\n</urlset>\n`;
}

function robotsTxt(siteUrl: string): string {
  return `User-agent: *\nAllow: /\nDisallow: ${API_V1}/\nSitemap: ${siteUrl}/sitemap.xml\n`;
}

export const sitemap = ({ site, routes }: RouteEnv): RouteHandlerMethod => {
  const xml = sitemapXml(site.siteUrl, sitePaths(routes));
  return async (_request, reply) => reply.type('application/xml; charset=utf-8').send(xml);
};

export const robots = ({ site }: RouteEnv): RouteHandlerMethod => {
  const text = robotsTxt(site.siteUrl);
  return async (_request, reply) => reply.type('text/plain; charset=utf-8').send(text);
};

export const openApiJson = ({ routes }: RouteEnv): RouteHandlerMethod => {
  const doc = openApiDocument(routes);
  return async (_request, reply) => reply.header('access-control-allow-origin', '*').send(doc);
};

export const assetFile = (asset: Asset) => (): RouteHandlerMethod => async (_request, reply) => reply.type(asset.type).header('cache-control', CACHE.asset).send(asset.body);
