/** Listening helpers shared by the faulty upstreams: every socket and timer is tracked so close() leaves nothing behind. */
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import type { RequestHead, StartOptions } from './types.ts';

export interface Listener {
  port: number;
  /** A timer that close() cancels. */
  later(ms: number, fn: () => void): void;
  close(): Promise<void>;
}

/** Listens with `server` (node:net or node:http) and tracks its connections. */
export async function listen(server: Server, options: StartOptions): Promise<Listener> {
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    // A proxy that gives up resets the connection; that is expected, not a crash.
    socket.on('error', () => {});
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    later(ms, fn) {
      const timer = setTimeout(() => {
        timers.delete(timer);
        fn();
      }, ms);
      timers.add(timer);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

const MAX_HEAD_BYTES = 64 * 1024;

function parseHead(text: string): RequestHead {
  const [startLine = '', ...lines] = text.split('\r\n');
  const [method = '', path = ''] = startLine.split(' ');
  const headers = new Map<string, string>();
  for (const line of lines) {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon).trim().toLowerCase();
    if (colon > 0 && !headers.has(name)) headers.set(name, line.slice(colon + 1).trim());
  }
  return { method, path, headers };
}

/** Reads up to the end of the request headers; null when the peer closes first. Later bytes are discarded. */
function readRequestHead(socket: Socket): Promise<RequestHead | null> {
  return new Promise((resolve) => {
    let buffered = '';
    const onData = (chunk: Buffer) => {
      buffered += chunk.toString('latin1');
      const end = buffered.indexOf('\r\n\r\n');
      if (end === -1 && buffered.length < MAX_HEAD_BYTES) return;
      stop();
      resolve(parseHead(end === -1 ? buffered : buffered.slice(0, end)));
    };
    const onClose = () => {
      stop();
      resolve(null);
    };
    const stop = () => {
      socket.off('data', onData);
      socket.off('end', onClose);
      socket.off('close', onClose);
    };
    socket.on('data', onData);
    socket.once('end', onClose);
    socket.once('close', onClose);
  });
}

/** A raw TCP upstream that reads each request head and then misbehaves in `respond`. */
export async function afterRequestHead(
  options: StartOptions,
  respond: (socket: Socket, request: RequestHead, listener: Listener) => void,
): Promise<Listener> {
  const server = createServer();
  const listener = await listen(server, options);
  server.on('connection', (socket) => {
    void readRequestHead(socket).then((request) => {
      if (request && !socket.destroyed) respond(socket, request, listener);
    });
  });
  return listener;
}
