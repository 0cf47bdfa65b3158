/**
 * Non-HTTP reply: an SSH server where an HTTP app was expected (a wrong port in the proxy config). It answers
 * the HTTP request with sshd's banner and rejection, then hangs up. Unlike sshd it waits for the request
 * before its banner: a banner racing the proxy's request makes the outcome timing-dependent (observed with
 * nginx 1.22: when the banner wins, nginx never sends the request and times out, relaying 0 bytes).
 */
import { afterRequestHead } from './listen.ts';
import type { FaultyUpstream, StartOptions } from './types.ts';

const SSH_BANNER = 'SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3\r\n';

export async function start(options: StartOptions): Promise<FaultyUpstream> {
  const appLog: string[] = [];
  const listener = await afterRequestHead(options, (socket, request) => {
    appLog.push(`sshd: kex_exchange_identification: client sent invalid protocol identifier "${request.method} ${request.path}"`);
    socket.end(`${SSH_BANNER}Invalid SSH identification string.\r\n`);
  });
  return { port: listener.port, appLog, close: listener.close };
}
