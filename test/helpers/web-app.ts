/** The site's Fastify app for in-process tests (`app.inject`), with its JSON log lines collected. */
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/web/index.ts';

export interface TestApp {
  app: FastifyInstance;
  /** Every log record the app wrote, parsed. */
  logLines: Record<string, unknown>[];
}

/** Builds and readies the app; `extend` may add routes first (e.g. one that fails like a bug). Close it after. */
export async function startTestApp(extend?: (app: FastifyInstance) => void): Promise<TestApp> {
  const logLines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) logLines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const app = await buildApp({ logger: { level: 'info', stream }, maxEventLoopDelay: 0 });
  extend?.(app);
  await app.ready();
  return { app, logLines };
}
