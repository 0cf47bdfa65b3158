/** The handlers of /check in each locale: the form, and its post answered with the check. Always SSRF-safe: no allowPrivate here. */
import type { RouteHandlerMethod } from 'fastify';
import { z } from 'zod';
import { checkUrl } from '../check/index.ts';
import { HttpwhyError, isHttpwhyError } from '../errors.ts';
import { CACHE } from './http-cache.ts';
import { pageContext } from './page-context.ts';
import { CheckPage } from './pages/check.tsx';
import { sendPage } from './render.tsx';
import type { RouteEnv } from './route.ts';
import type { Locale } from '../i18n/index.ts';

const formSchema = z.object({ url: z.string().trim().min(1).max(2000) }).strict();

const contextOf = ({ site }: RouteEnv, locale: Locale) => pageContext(locale, '/check', site.siteUrl, site);

export const checkForm = (env: RouteEnv, locale: Locale): RouteHandlerMethod => async (_request, reply) => sendPage(reply, CheckPage({ ctx: contextOf(env, locale) }));

/** Rate-limited in the table: the checks go out to other sites. */
export const checkAnswer = (env: RouteEnv, locale: Locale): RouteHandlerMethod => async (request, reply) => {
  const ctx = contextOf(env, locale);
  const parsed = formSchema.safeParse(request.body);
  if (!parsed.success) throw new HttpwhyError('HW_ERR_INPUT_INVALID', 'Type the URL to check into the form field "url".');
  reply.header('cache-control', CACHE.none);
  try {
    const result = await checkUrl(parsed.data.url, { locale });
    return sendPage(reply, CheckPage({ ctx, url: parsed.data.url, result }));
  } catch (error) {
    if (!isHttpwhyError(error)) throw error;
    return sendPage(reply, CheckPage({ ctx, url: parsed.data.url, error: error.message }), error.status);
  }
};
