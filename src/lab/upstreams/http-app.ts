/** A node:http upstream standing in for a web application, with the same close() guarantees as the raw ones. */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { listen, type Listener } from './listen.ts';
import type { RequestHead, StartOptions } from './types.ts';

export type AppHandler = (request: RequestHead, res: ServerResponse, listener: Listener) => void;

function headOf(req: IncomingMessage): RequestHead {
  const headers = new Map<string, string>();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? (value[0] ?? '') : value);
  }
  return { method: req.method ?? '', path: req.url ?? '', headers };
}

export async function startHttpApp(options: StartOptions, handler: AppHandler): Promise<Listener> {
  let listener: Listener | undefined;
  const server = createServer((req, res) => {
    req.resume();
    if (listener) handler(headOf(req), res, listener);
  });
  listener = await listen(server, options);
  return listener;
}
