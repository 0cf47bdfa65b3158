/** /diagnose in both locales: the form, and its plain form post answered with the diagnosis. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { LOCALES } from '../codes/index.ts';
import { diagnose } from '../diagnose/index.ts';
import { HttpwhyError } from '../errors.ts';
import { DIAGNOSE_BODY_LIMIT } from './api/routes.ts';
import { CACHE } from './http-cache.ts';
import { localePath } from './locale-path.ts';
import { pageContext, type SiteOptions } from './page-context.ts';
import { DiagnosePage } from './pages/diagnose.tsx';
import { sendPage } from './render.tsx';


const formSchema = z.object({ input: z.string().min(1).max(DIAGNOSE_BODY_LIMIT) }).strict();

function formInput(request: FastifyRequest): string {
  const parsed = formSchema.safeParse(request.body);
  if (!parsed.success) throw new HttpwhyError('HW_ERR_INPUT_INVALID', 'Paste a response, curl output, HAR or JSON into the form field "input".');
  return parsed.data.input;
}

export function registerDiagnose(app: FastifyInstance, site: SiteOptions): void {
  for (const locale of LOCALES) {
    const url = localePath(locale, '/diagnose');
    const page = (reply: FastifyReply, input?: string) =>
      sendPage(reply, DiagnosePage({ ctx: pageContext(locale, '/diagnose', site.siteUrl, site), input, report: input === undefined ? undefined : diagnose(input, { locale }) }));
    app.get(url, async (_request, reply) => page(reply));
    app.post(url, { bodyLimit: DIAGNOSE_BODY_LIMIT }, async (request, reply) => page(reply.header('cache-control', CACHE.none), formInput(request)));
  }
}
