/** Invalid status line: a hand-rolled server that writes the reason before the code (`HTTP/1.1 OK 200`). */
import { afterRequestHead } from './listen.ts';
import type { FaultyUpstream, StartOptions } from './types.ts';

const INVALID_STATUS_LINE = 'HTTP/1.1 OK 200';

export async function start(options: StartOptions): Promise<FaultyUpstream> {
  const listener = await afterRequestHead(options, (socket) =>
    socket.end(`${INVALID_STATUS_LINE}\r\nContent-Type: text/plain\r\nContent-Length: 3\r\nConnection: close\r\n\r\nok\n`),
  );
  return { port: listener.port, appLog: [], close: listener.close };
}
