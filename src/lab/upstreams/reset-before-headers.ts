/** Reset before headers: the app takes the request and dies; the kernel sends a TCP RST, no byte of a response. */
import { afterRequestHead } from './listen.ts';
import type { FaultyUpstream, StartOptions } from './types.ts';

export async function start(options: StartOptions): Promise<FaultyUpstream> {
  const listener = await afterRequestHead(options, (socket) => socket.resetAndDestroy());
  return { port: listener.port, appLog: [], close: listener.close };
}
