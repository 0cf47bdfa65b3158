/** Slow headers: the app reads the request and answers only after a delay longer than the proxy's read timeout. */
import { appLogLine } from './app-log.ts';
import { startHttpApp } from './http-app.ts';
import type { FaultyUpstream, StartOptions } from './types.ts';

export interface SlowHeadersOptions extends StartOptions {
  /** How long the app thinks before answering; 5,000 ms unless set (proxies in the suite time out after 2 s). */
  delayMs?: number;
}

export async function start(options: SlowHeadersOptions): Promise<FaultyUpstream> {
  const delayMs = options.delayMs ?? 5_000;
  const appLog: string[] = [];
  const listener = await startHttpApp(options, (request, res, { later }) => {
    later(delayMs, () => {
      appLog.push(appLogLine('INFO', request, 200, `completed in ${delayMs}ms`));
      res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' }).end('finally done\n');
    });
  });
  return { port: listener.port, appLog, close: listener.close };
}
