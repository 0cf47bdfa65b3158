/** Oversized response headers: a valid 200 whose header block is larger than proxies buffer (one 64 KB header by default). */
import { afterRequestHead } from './listen.ts';
import type { FaultyUpstream, StartOptions } from './types.ts';

export interface OversizedHeadersOptions extends StartOptions {
  /** Length of the X-Padding header value; 65,536 unless set. */
  headerBytes?: number;
}

export async function start(options: OversizedHeadersOptions): Promise<FaultyUpstream> {
  const padding = 'a'.repeat(options.headerBytes ?? 64 * 1024);
  const listener = await afterRequestHead(options, (socket) =>
    socket.end(`HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nX-Padding: ${padding}\r\nContent-Length: 3\r\nConnection: close\r\n\r\nok\n`),
  );
  return { port: listener.port, appLog: [], close: listener.close };
}
