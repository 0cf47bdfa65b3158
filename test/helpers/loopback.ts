/**
 * Loopback servers and a recording transport for the URL checker's tests. Tests connect only to
 * 127.0.0.1 and ::1 servers started here: the recording dialer refuses every other address, so a broken
 * SSRF guard shows up as a recorded dial, never as a packet to a real network.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, type RequestListener } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createTcpServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dialPinned, type DialTarget, type ResolvedAddress, type Transport } from '../../src/check/transport.ts';

export interface Loopback {
  port: number;
  host: string;
  /** Base URL, e.g. http://127.0.0.1:41234 or http://[::1]:41234. */
  origin: string;
  /** Connections accepted so far. */
  connections: number;
  close(): Promise<void>;
}

async function listen(server: Server, host: string, scheme: string): Promise<Loopback> {
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  const sockets = new Set<Socket>();
  const loopback: Loopback = {
    port,
    host,
    origin: `${scheme}://${host.includes(':') ? `[${host}]` : host}:${port}`,
    connections: 0,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
  server.on('connection', (socket: Socket) => {
    loopback.connections++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  return loopback;
}

export function httpServer(handler: RequestListener, host = '127.0.0.1'): Promise<Loopback> {
  return listen(createHttpServer({ keepAliveTimeout: 100 }, handler), host, 'http');
}

export function httpsServer(handler: RequestListener, tls: { key: string; cert: string }, host = '127.0.0.1'): Promise<Loopback> {
  return listen(createHttpsServer({ ...tls, keepAliveTimeout: 100 }, handler), host, 'https');
}

/** A raw TCP server: `onSocket` decides what bytes (if any) go back. */
export function tcpServer(onSocket: (socket: Socket) => void, host = '127.0.0.1'): Promise<Loopback> {
  return listen(createTcpServer(onSocket), host, 'http');
}

/** A listener that records every connection and closes it: the canary for "no connection was attempted". */
export function canary(host = '127.0.0.1'): Promise<Loopback> {
  return tcpServer((socket) => socket.destroy(), host);
}

const LOOPBACK = new Set(['127.0.0.1', '::1']);

export interface RecordingTransport extends Transport {
  resolved: string[];
  dialed: DialTarget[];
}

/**
 * A transport whose resolver answers from `names` (a list, or a function of the call count for rebinding)
 * and whose dialer records every target, connects only to loopback and refuses anything else with
 * ECONNREFUSED. `exempt` addresses count as public, for SSRF-safe tests against loopback servers.
 */
export function recordingTransport(
  options: {
    names?: Record<string, ResolvedAddress[] | ((call: number) => ResolvedAddress[] | Promise<ResolvedAddress[]>)>;
    exempt?: string[];
    ca?: string;
  } = {},
): RecordingTransport {
  const transport: RecordingTransport = {
    resolved: [],
    dialed: [],
    exempt: new Set(options.exempt ?? []),
    async resolve(hostname) {
      transport.resolved.push(hostname);
      const answer = options.names?.[hostname];
      if (answer === undefined) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
      return typeof answer === 'function' ? answer(transport.resolved.filter((n) => n === hostname).length) : answer;
    },
    dial(target) {
      transport.dialed.push(target);
      if (!target.addresses.every((a) => LOOPBACK.has(a.address))) {
        throw Object.assign(new Error(`test dialer refuses ${target.addresses.map((a) => a.address).join(', ')}`), { code: 'ECONNREFUSED' });
      }
      return dialPinned(target, options.ca ? { ca: options.ca } : {});
    },
  };
  return transport;
}

export const v4 = (address: string): ResolvedAddress => ({ address, family: 4 });
export const v6 = (address: string): ResolvedAddress => ({ address, family: 6 });

export interface TestCertificates {
  ca: string;
  /** Signed by the CA for localhost and 127.0.0.1, valid 30 days. */
  good: { key: string; cert: string };
  expired: { key: string; cert: string };
  /** Signed by the CA for other.example only. */
  wrongName: { key: string; cert: string };
  selfSigned: { key: string; cert: string };
}

/** Makes a throwaway CA and leaf certificates with the openssl CLI. */
export function makeCertificates(): TestCertificates {
  const dir = mkdtempSync(join(tmpdir(), 'httpwhy-certs-'));
  const at = (name: string) => join(dir, name);
  const ssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  const newKey = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  try {
    ssl('req', '-x509', ...newKey, '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '30', '-subj', '/CN=httpwhy test CA/O=httpwhy tests');
    const leaf = (name: string, san: string, days: string) => {
      writeFileSync(at(`${name}.ext`), `subjectAltName=${san}\n`);
      ssl('req', ...newKey, '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${name}`);
      ssl('x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-days', days, '-extfile', `${name}.ext`, '-out', `${name}.pem`);
      return { key: readFileSync(at(`${name}.key`), 'utf8'), cert: readFileSync(at(`${name}.pem`), 'utf8') };
    };
    const good = leaf('localhost', 'DNS:localhost,IP:127.0.0.1', '30');
    const expired = leaf('expired', 'DNS:localhost,IP:127.0.0.1', '-1');
    const wrongName = leaf('other', 'DNS:other.example', '30');
    ssl('req', '-x509', ...newKey, '-keyout', 'self.key', '-out', 'self.pem', '-days', '30', '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1');
    const selfSigned = { key: readFileSync(at('self.key'), 'utf8'), cert: readFileSync(at('self.pem'), 'utf8') };
    return { ca: readFileSync(at('ca.pem'), 'utf8'), good, expired, wrongName, selfSigned };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
