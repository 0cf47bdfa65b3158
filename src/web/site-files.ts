/** robots.txt and sitemap.xml (every page in both languages, with hreflang alternates). */
import type { FastifyInstance } from 'fastify';
import { listCodes } from '../codes/index.ts';
import { CATEGORY_SLUGS } from './categories.ts';
import { localePath } from './locale-path.ts';
import { COMMON_PAIRS } from './pages/compare.tsx';

/** Every locale-free page path the site serves (the static export writes the same list). */
export function sitePaths(): string[] {
  const statuses = [...new Set(listCodes().map((e) => e.status))];
  return [
    '/', '/codes', '/compare', '/diagnose', '/check', '/cheat-sheet', '/search', '/api', '/lab/compare-gateways',
    ...statuses.map((s) => `/codes/${s}`),
    ...COMMON_PAIRS.map((p) => `/compare/${p}`),
    ...CATEGORY_SLUGS.map((s) => `/categories/${s}`),
  ];
}

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

export function sitemapXml(siteUrl: string): string {
  const urls = sitePaths().flatMap((path) =>
    (['en', 'id'] as const).map((locale) => {
      const alt = (['en', 'id'] as const).map((l) => `<xhtml:link rel="alternate" hreflang="${l}" href="${xmlEscape(siteUrl + localePath(l, path))}"/>`).join('');
      return `<url><loc>${xmlEscape(siteUrl + localePath(locale, path))}</loc>${alt}</url>`;
    }),
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${urls.join('\n')}\n</urlset>\n`;
}

export function robotsTxt(siteUrl: string): string {
  return `User-agent: *\nAllow: /\nDisallow: /api/v1/\nSitemap: ${siteUrl}/sitemap.xml\n`;
}

export function registerSiteFiles(app: FastifyInstance, siteUrl: string): void {
  const sitemap = sitemapXml(siteUrl);
  const robots = robotsTxt(siteUrl);
  app.get('/sitemap.xml', async (_request, reply) => reply.type('application/xml; charset=utf-8').send(sitemap));
  app.get('/robots.txt', async (_request, reply) => reply.type('text/plain; charset=utf-8').send(robots));
}
