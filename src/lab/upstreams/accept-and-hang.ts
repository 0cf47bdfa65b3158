/** Accept and hang: the kernel completes the handshake, the app never reads the request nor answers (a wedged event loop). */
import { createServer } from 'node:net';
import { listen } from './listen.ts';
import type { FaultyUpstream, StartOptions } from './types.ts';

export async function start(options: StartOptions): Promise<FaultyUpstream> {
  const listener = await listen(createServer({ pauseOnConnect: true }), options);
  return { port: listener.port, appLog: [], close: listener.close };
}
