/**
 * Non-HTTP reply: an SSH server where an HTTP app was expected (wrong port in the proxy config). Like sshd, it
 * sends its banner on connect, rejects the HTTP request line as an identification string and hangs up.
 */
import { createServer } from 'node:net';
import { listen, readRequestHead } from './listen.ts';
import type { FaultyUpstream, StartOptions } from './types.ts';

export const SSH_BANNER = 'SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3\r\n';

export async function start(options: StartOptions): Promise<FaultyUpstream> {
  const appLog: string[] = [];
  const server = createServer((socket) => {
    socket.write(SSH_BANNER);
    void readRequestHead(socket).then((request) => {
      if (!request || socket.destroyed) return;
      appLog.push(`sshd: kex_exchange_identification: client sent invalid protocol identifier "${request.method} ${request.path}"`);
      socket.end('Invalid SSH identification string.\r\n');
    });
  });
  const listener = await listen(server, options);
  return { port: listener.port, appLog, close: listener.close };
}
