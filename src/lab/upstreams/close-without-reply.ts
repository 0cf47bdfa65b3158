/** Close without reply: the app takes the request and closes the connection cleanly (FIN) without a byte. */
import { afterRequestHead } from './listen.ts';
import type { FaultyUpstream, StartOptions } from './types.ts';

export async function start(options: StartOptions): Promise<FaultyUpstream> {
  const listener = await afterRequestHead(options, (socket) => socket.end());
  return { port: listener.port, appLog: [], close: listener.close };
}
