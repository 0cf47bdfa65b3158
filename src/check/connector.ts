/**
 * The undici connector for one hop, and the heart of the SSRF defence: resolve the name once, refuse the
 * whole request if any answer is not public, dial only the approved addresses, and time each phase
 * (DNS, TCP connect, TLS) with its own timeout. It uses the Target parsed by the checker, never the
 * host undici hands in, so there is one parse.
 */
import type { Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import type { buildConnector } from 'undici';
import type { HopTrace } from './hop-trace.ts';
import { PhaseTimeoutError, withTimeout } from './phase-timeout.ts';
import { assertAddressAllowed, type AddressRules, type Target } from './target.ts';
import { summarizeTls, verificationError } from './tls-summary.ts';
import type { ResolvedAddress, Transport } from './transport.ts';

export interface ConnectContext extends AddressRules {
  transport: Transport;
}

async function approvedAddresses(target: Target, context: ConnectContext, trace: HopTrace): Promise<readonly ResolvedAddress[]> {
  if (target.literal) return [{ address: target.host, family: target.literal }];
  const addresses = await withTimeout(context.transport.resolve(target.host), context.settings.timeouts.dns, 'dns');
  trace.dns = performance.now();
  if (addresses.length === 0) throw Object.assign(new Error(`${target.host} has no address`), { code: 'ENOTFOUND' });
  // Any non-public answer refuses the request: a mixed answer is how rebinding attacks hedge.
  for (const { address } of addresses) assertAddressAllowed(address, target, context);
  return addresses;
}

/** Resolves when the socket is ready for HTTP: connected, and for https handshaken with a certificate Node would accept. */
function whenReady(socket: Socket, target: Target, context: ConnectContext, trace: HopTrace): Promise<Socket> {
  const { timeouts } = context.settings;
  return new Promise((resolve, reject) => {
    const fail = (error: Error) => {
      clearTimeout(timer);
      socket.destroy();
      reject(error);
    };
    const ready = () => {
      clearTimeout(timer);
      socket.off('error', fail);
      trace.phase = 'headers';
      resolve(socket);
    };
    let timer = setTimeout(() => fail(new PhaseTimeoutError('connect', timeouts.connect)), timeouts.connect);
    socket.once('error', fail);
    socket.once('connect', () => {
      trace.connect = performance.now();
      trace.address = socket.remoteAddress ?? null;
      clearTimeout(timer);
      if (!target.tls) return ready();
      trace.phase = 'tls';
      timer = setTimeout(() => fail(new PhaseTimeoutError('tls', timeouts.tls)), timeouts.tls);
    });
    socket.once('secureConnect', () => {
      trace.tls = performance.now();
      trace.tlsSummary = summarizeTls(socket as TLSSocket, target.host);
      const error = verificationError(trace.tlsSummary, target.host);
      if (error) fail(error);
      else ready();
    });
  });
}

async function connectTarget(target: Target, context: ConnectContext, trace: HopTrace): Promise<Socket> {
  const addresses = await approvedAddresses(target, context, trace);
  trace.phase = 'connect';
  const socket = context.transport.dial({ servername: target.literal ? null : target.host, addresses, port: target.port, tls: target.tls });
  return whenReady(socket, target, context, trace);
}

export function hopConnector(target: Target, context: ConnectContext, trace: HopTrace): buildConnector.connector {
  return (_undiciOptions, callback) => {
    connectTarget(target, context, trace).then(
      (socket) => callback(null, socket),
      (error: Error) => callback(error, null),
    );
  };
}
