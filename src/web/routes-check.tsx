/** /check in both locales: the form, and its post answered with the check. Always SSRF-safe: no allowPrivate here. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { checkUrl } from '../check/index.ts';
import { LOCALES } from '../codes/index.ts';
import { HttpwhyError, isHttpwhyError } from '../errors.ts';
import { CACHE } from './http-cache.ts';
import { localePath } from './locale-path.ts';
import { pageContext, type SiteOptions } from './page-context.ts';
import { CheckPage } from './pages/check.tsx';
import { CHECK_RATE_LIMIT, limitScope } from './rate-limits.ts';
import { sendPage } from './render.tsx';

const formSchema = z.object({ url: z.string().trim().min(1).max(2000) }).strict();

export function registerCheckPages(app: FastifyInstance, site: SiteOptions): void {
  for (const locale of LOCALES) {
    const url = localePath(locale, '/check');
    const ctx = () => pageContext(locale, '/check', site.siteUrl, site);
    app.get(url, async (_request, reply) => sendPage(reply, CheckPage({ ctx: ctx() })));
    // Its own scope, so the rate limit applies to the outbound checks and not to the site's pages.
    app.register(async (scope) => {
      await limitScope(scope, CHECK_RATE_LIMIT.max);
      scope.post(url, async (request, reply) => {
        const parsed = formSchema.safeParse(request.body);
        if (!parsed.success) throw new HttpwhyError('HW_ERR_INPUT_INVALID', 'Type the URL to check into the form field "url".');
        reply.header('cache-control', CACHE.none);
        try {
          const result = await checkUrl(parsed.data.url, { locale });
          return sendPage(reply, CheckPage({ ctx: ctx(), url: parsed.data.url, result }));
        } catch (error) {
          if (!isHttpwhyError(error)) throw error;
          return sendPage(reply, CheckPage({ ctx: ctx(), url: parsed.data.url, error: error.message }), error.status);
        }
      });
    });
  }
}
