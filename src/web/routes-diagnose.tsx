/** The handlers of /diagnose in each locale: the form, and its plain form post answered with the diagnosis. */
import type { FastifyReply, FastifyRequest, RouteHandlerMethod } from 'fastify';
import { z } from 'zod';
import { diagnose } from '../diagnose/index.ts';
import { HttpwhyError } from '../errors.ts';
import { DIAGNOSE_BODY_LIMIT } from './api/handlers.ts';
import { CACHE } from './http-cache.ts';
import { pageContext } from './page-context.ts';
import { DiagnosePage } from './pages/diagnose.tsx';
import { sendPage } from './render.tsx';
import type { RouteEnv } from './route.ts';
import type { Locale } from '../i18n/index.ts';

const formSchema = z.object({ input: z.string().min(1).max(DIAGNOSE_BODY_LIMIT) }).strict();

function formInput(request: FastifyRequest): string {
  const parsed = formSchema.safeParse(request.body);
  if (!parsed.success) throw new HttpwhyError('HW_ERR_INPUT_INVALID', 'Paste a response, curl output, HAR or JSON into the form field "input".');
  return parsed.data.input;
}

/** The page, with the diagnosis of `input` when there is one. */
function sendDiagnosePage({ site }: RouteEnv, locale: Locale, reply: FastifyReply, input?: string): FastifyReply {
  const report = input === undefined ? undefined : diagnose(input, { locale });
  return sendPage(reply, DiagnosePage({ ctx: pageContext(locale, '/diagnose', site.siteUrl, site), input, report }));
}

export const diagnoseForm = (env: RouteEnv, locale: Locale): RouteHandlerMethod => async (_request, reply) => sendDiagnosePage(env, locale, reply);

export const diagnoseAnswer = (env: RouteEnv, locale: Locale): RouteHandlerMethod => async (request, reply) =>
  sendDiagnosePage(env, locale, reply.header('cache-control', CACHE.none), formInput(request));
