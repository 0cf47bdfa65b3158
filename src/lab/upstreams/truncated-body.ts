/** Truncated body: complete headers announce a Content-Length, part of the body follows, then the app closes the connection. */
import { appLogLine } from './app-log.ts';
import { afterRequestHead } from './listen.ts';
import type { FaultyUpstream, StartOptions } from './types.ts';

export interface TruncatedBodyOptions extends StartOptions {
  /** The Content-Length announced; 100,000 unless set. */
  declaredBytes?: number;
  /** The body bytes actually sent; 1,000 unless set. */
  sentBytes?: number;
}

export async function start(options: TruncatedBodyOptions): Promise<FaultyUpstream> {
  const declared = options.declaredBytes ?? 100_000;
  const sent = options.sentBytes ?? 1_000;
  const appLog: string[] = [];
  const listener = await afterRequestHead(options, (socket, request) => {
    socket.write(`HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: ${declared}\r\nConnection: close\r\n\r\n`);
    socket.end('x'.repeat(sent));
    appLog.push(appLogLine('ERROR', request, 200, `response aborted after ${sent} of ${declared} bytes: export stream failed`));
  });
  return { port: listener.port, appLog, close: listener.close };
}
