/** Runs the site: listen, log with pino, and shut down gracefully on SIGTERM/SIGINT (finish in-flight, exit 0). */
import type { FastifyInstance } from 'fastify';
import { buildApp, type AppOptions } from './app.ts';

export interface ServeOptions extends AppOptions {
  port: number;
  host: string;
}

export interface RunningServer {
  app: FastifyInstance;
  url: string;
  close(): Promise<void>;
}

export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const app = await buildApp({ logger: { level: process.env.LOG_LEVEL ?? 'info' }, ...options });
  const url = await app.listen({ port: options.port, host: options.host });
  let closing: Promise<void> | undefined;
  const close = () => (closing ??= app.close());
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      app.log.info({ signal }, 'shutting down: no new connections, finishing in-flight requests');
      void close().then(() => {
        process.exitCode = 0;
      });
    });
  }
  return { app, url, close };
}
