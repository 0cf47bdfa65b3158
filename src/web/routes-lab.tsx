/**
 * The handlers of the failure pages, /lab/fail/:scenario in each locale. One lab (faulty upstreams and the
 * gateway, on loopback) serves every page of this app: started on the first page view, closed when the app
 * closes. And /lab/compare-gateways, the same scenarios through four gateways from the committed real-run data,
 * rendered once per locale.
 */
import type { FastifyInstance, RouteHandlerMethod } from 'fastify';
import { diagnose } from '../diagnose/index.ts';
import { HttpwhyError } from '../errors.ts';
import { failurePage, gatewayOutcomes, startScenarioLab, type ScenarioLab } from '../lab/index.ts';
import { CACHE } from './http-cache.ts';
import { localePath } from './locale-path.ts';
import { pageContext } from './page-context.ts';
import { createPageCache } from './page-cache.ts';
import { LabComparePage } from './pages/lab-compare.tsx';
import { LabFailurePage } from './pages/lab-failure.tsx';
import { renderDocument, sendPage } from './render.tsx';
import type { RouteEnv } from './route.ts';
import type { Locale } from '../i18n/index.ts';

/** The app's one scenario lab, started by the first call; a failed start is retried by the next one. */
export function lazyScenarioLab(app: FastifyInstance): () => Promise<ScenarioLab> {
  let lab: Promise<ScenarioLab> | undefined;
  app.addHook('onClose', async () => {
    const running = await lab?.catch(() => undefined);
    await running?.close();
  });
  return () =>
    (lab ??= startScenarioLab().catch((error: unknown) => {
      lab = undefined;
      throw error;
    }));
}

export const gatewayComparison = ({ site }: RouteEnv, locale: Locale): RouteHandlerMethod => {
  const path = localePath(locale, '/lab/compare-gateways');
  const cache = createPageCache(1);
  return async (_request, reply) => {
    const cached = cache.send(path, reply);
    if (cached) return cached;
    const ctx = pageContext(locale, '/lab/compare-gateways', site.siteUrl, site);
    return cache.keepAndSend(path, renderDocument(<LabComparePage ctx={ctx} data={gatewayOutcomes()} />), reply);
  };
};

export const failureRun = ({ site, scenarioLab }: RouteEnv, locale: Locale): RouteHandlerMethod => async (request, reply) => {
  const { scenario = '' } = request.params as Record<string, string>;
  const page = failurePage(scenario);
  if (!page) throw new HttpwhyError('HW_ERR_WEB_NOT_FOUND', `No failure scenario ${scenario}.`);
  const capture = await (await scenarioLab()).capture(page.scenario);
  const ctx = pageContext(locale, `/lab/fail/${page.slug}`, site.siteUrl, site);
  const report = diagnose(capture.paste, { locale });
  return sendPage(reply.header('cache-control', CACHE.none), <LabFailurePage ctx={ctx} page={page} capture={capture} report={report} />);
};
