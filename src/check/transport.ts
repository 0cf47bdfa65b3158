/**
 * The checker's only ways out: a resolver and a dialer. The dialer connects to the addresses the policy
 * already approved through a pinned lookup, so Node never resolves the name a second time (no rebinding
 * between check and connect). Tests swap in a recording resolver and dialer; the public entry points
 * always use the system transport.
 */
import { lookup } from 'node:dns/promises';
import { connect as netConnect, type LookupFunction, type Socket } from 'node:net';
import { connect as tlsConnect, type ConnectionOptions } from 'node:tls';

export interface ResolvedAddress {
  address: string;
  family: number;
}

/** Every A and AAAA answer for a name. */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export interface DialTarget {
  /** The name for SNI and the certificate check; null for an IP literal. */
  servername: string | null;
  /** Approved addresses, at least one. */
  addresses: readonly ResolvedAddress[];
  port: number;
  tls: boolean;
}

/** Starts connecting and returns the socket at once; may throw to refuse. */
export type Dialer = (target: DialTarget) => Socket;

export interface Transport {
  resolve: Resolver;
  dial: Dialer;
  /** Addresses treated as public although they are not: for tests of the SSRF-safe mode against loopback servers. */
  exempt: ReadonlySet<string>;
}

const systemResolver: Resolver = (hostname) => lookup(hostname, { all: true, order: 'verbatim' });

/** Answers Node's own lookup with the approved addresses only, for the single- and all-address forms. */
function pinnedLookup(addresses: readonly ResolvedAddress[]): LookupFunction {
  const [first] = addresses;
  if (!first) throw new Error('pinnedLookup needs at least one address');
  return (_hostname, options, callback) => {
    if (options.all) callback(null, [...addresses]);
    else callback(null, first.address, first.family);
  };
}

/**
 * Connects to the approved addresses (happy eyeballs across them, 1 s per attempt). TLS is verified by the
 * caller after the handshake and before any byte of HTTP, so a refused certificate can still be summarised.
 */
export function dialPinned(target: DialTarget, tls: ConnectionOptions = {}): Socket {
  const [first] = target.addresses;
  const options = {
    host: target.servername ?? first?.address,
    port: target.port,
    lookup: pinnedLookup(target.addresses),
    autoSelectFamily: true,
    autoSelectFamilyAttemptTimeout: 1000,
    noDelay: true,
  };
  if (!target.tls) return netConnect(options);
  // Node's own name check is off so `authorized` speaks of the chain alone; tls-summary checks the name.
  const chainOnly = { rejectUnauthorized: false, checkServerIdentity: () => undefined };
  return tlsConnect({ ...tls, ...options, ...chainOnly, servername: target.servername ?? undefined, ALPNProtocols: ['http/1.1'] });
}

export const systemTransport: Transport = { resolve: systemResolver, dial: (target) => dialPinned(target), exempt: new Set() };
