/**
 * The failure pages, /lab/fail/:scenario in both locales. One lab (faulty upstreams and the gateway, on
 * loopback) serves every page of this app: started on the first page view, closed when the app closes.
 * And /lab/compare-gateways, the same scenarios through four gateways from the committed real-run data,
 * rendered once per locale.
 */
import type { FastifyInstance } from 'fastify';
import { LOCALES } from '../codes/index.ts';
import { diagnose } from '../diagnose/index.ts';
import { HttpwhyError } from '../errors.ts';
import { failurePage, gatewayOutcomes, startScenarioLab, type ScenarioLab } from '../lab/index.ts';
import { CACHE } from './http-cache.ts';
import { localePath } from './locale-path.ts';
import { pageContext, type SiteOptions } from './page-context.ts';
import { createPageCache } from './page-cache.ts';
import { LabComparePage } from './pages/lab-compare.tsx';
import { LabFailurePage } from './pages/lab-failure.tsx';
import { renderDocument, sendPage } from './render.tsx';

export function registerLabFailures(app: FastifyInstance, site: SiteOptions): void {
  let lab: Promise<ScenarioLab> | undefined;
  const labNow = () =>
    (lab ??= startScenarioLab().catch((error: unknown) => {
      lab = undefined;
      throw error;
    }));
  app.addHook('onClose', async () => {
    const running = await lab?.catch(() => undefined);
    await running?.close();
  });

  const cache = createPageCache(LOCALES.length);
  for (const locale of LOCALES) {
    const comparePath = localePath(locale, '/lab/compare-gateways');
    app.get(comparePath, async (_request, reply) => {
      const cached = cache.send(comparePath, reply);
      if (cached) return cached;
      const ctx = pageContext(locale, '/lab/compare-gateways', site.siteUrl, site);
      return cache.keepAndSend(comparePath, renderDocument(<LabComparePage ctx={ctx} data={gatewayOutcomes()} />), reply);
    });
    app.get(localePath(locale, '/lab/fail/:scenario'), async (request, reply) => {
      const { scenario = '' } = request.params as Record<string, string>;
      const page = failurePage(scenario);
      if (!page) throw new HttpwhyError('HW_ERR_WEB_NOT_FOUND', `No failure scenario ${scenario}.`);
      const capture = await (await labNow()).capture(page.scenario);
      const ctx = pageContext(locale, `/lab/fail/${page.slug}`, site.siteUrl, site);
      const report = diagnose(capture.paste, { locale });
      return sendPage(reply.header('cache-control', CACHE.none), <LabFailurePage ctx={ctx} page={page} capture={capture} report={report} />);
    });
  }
}
