/** Application 503: an Express app shedding load answers `res.set('Retry-After', …).sendStatus(503)` and logs a warning. */
import { appLogLine } from './app-log.ts';
import { startHttpApp } from './http-app.ts';
import type { FaultyUpstream, StartOptions } from './types.ts';

export interface AppUnavailableOptions extends StartOptions {
  /** Seconds in Retry-After; 5 unless set. */
  retryAfter?: number;
}

export async function start(options: AppUnavailableOptions): Promise<FaultyUpstream> {
  const retryAfter = options.retryAfter ?? 5;
  const appLog: string[] = [];
  const listener = await startHttpApp(options, (request, res) => {
    appLog.push(appLogLine('WARN', request, 503, `overloaded: job queue full, shedding request (Retry-After: ${retryAfter})`));
    const body = 'Service Unavailable';
    res
      .writeHead(503, {
        'X-Powered-By': 'Express',
        'Retry-After': String(retryAfter),
        'Content-Type': 'text/plain; charset=utf-8',
        'Content-Length': Buffer.byteLength(body),
      })
      .end(body);
  });
  return { port: listener.port, appLog, close: listener.close };
}
