/**
 * Fly Proxy's own error lines, as `fly logs` shows them under `proxy[<machine>]` (wrappers/fly.ts): in newer releases a
 * code first (`[PU02] could not complete HTTP request to instance: connection closed before message completed`,
 * `[PR03] could not find a good candidate within 1 attempts at load balancing. last error: [PC01] instance refused
 * connection`), before it the message alone (`instance refused connection`, `could not find an instance to route
 * to`). Fly's "Error codes" page (fly.io/docs/reference/error-codes) names each code; its second letter is the
 * family: Upstream, Connection, TLS, Machine, App (fly-replay), Edge, Routing, and P for the proxy's internals.
 * A line stands for one request the proxy could not serve; it logs no status, and Fly does not document which it
 * answers, so none is implied.
 */
import type { Cause, ErrorPhase } from '../types.ts';
import { BaseParser, KIND, type LineKind } from './line-parser.ts';

/** Causes by code, from the error-codes page; a family's other codes take its entry under `P?`. */
const CODE_CAUSES: Record<string, Cause> = {
  PU01: 'invalid-response', // Failed HTTP/2 handshake with the Machine.
  PU02: 'reset', // The request to the Machine started but could not be completed.
  PU03: 'unreachable', // The Machine's host became unreachable.
  PC01: 'refused', // Machine refused connection on the service's port.
  PC02: 'refused',
  PC03: 'reset',
  PC04: 'reset', // Connection aborted.
  PC05: 'timeout',
  PC07: 'connect-failed', // Connection retries exhausted.
  PT01: 'load-shed', // TLS handshakes rate-limited for the client's IP range.
  PT02: 'reset', // Could not proxy TCP data.
  PM05: 'connect-failed', // Failed to connect to the Machine.
  PM06: 'connect-failed',
  PM13: 'no-live-upstream', // The Machine was just stopped.
  PR05: 'upstream-failed', // Static files from a Tigris bucket.
};
const FAMILY_CAUSES: Record<string, Cause> = {
  PT: 'tls',
  PM: 'app-start-failed', // The proxy could not start or wake the Machine.
  PA: 'proxy-config', // fly-replay misused by the app's headers.
  PR: 'no-live-upstream', // No healthy Machine to route to.
};

/** The messages Fly Proxy wrote before its codes, by what they say. */
const MESSAGE_CAUSES: Array<[RegExp, Cause]> = [
  [/^instance refused connection/, 'refused'],
  [/^timed out while connecting to your instance/, 'timeout'],
  [/^could not (?:complete|make) HTTP request to instance: .*timed out/, 'timeout'],
  [/^could not (?:complete|make) HTTP request to instance/, 'reset'],
  [/^could not proxy TCP data/, 'reset'],
  [/^(?:could not find (?:an instance to route to|a good candidate within)|no known healthy instances found)/, 'no-live-upstream'],
  [/^failed to connect to machine/, 'connect-failed'],
];

const CODE = /^\[(P[A-Z])(\d\d)\] /;
/** A routing failure names the error that made the last candidate fail: that one is the cause. */
const LAST_ERROR = /last error: \[(P[A-Z]\d\d)\]/;

function causeOf(message: string): Cause | null {
  const code = CODE.exec(message);
  if (code) {
    const last = LAST_ERROR.exec(message)?.[1];
    const id = `${code[1]}${code[2]}`;
    return (last ? CODE_CAUSES[last] : undefined) ?? CODE_CAUSES[id] ?? FAMILY_CAUSES[code[1] as string] ?? 'upstream-failed';
  }
  for (const [pattern, cause] of MESSAGE_CAUSES) if (pattern.test(message)) return cause;
  return null;
}

const phaseOf = (cause: Cause): ErrorPhase => (cause === 'reset' ? 'none' : 'header');

export class FlyProxyParser extends BaseParser {
  readonly format = 'fly-proxy' as const;

  parse(buf: Buffer, text: string, start: number, end: number): LineKind {
    const first = text.charCodeAt(start);
    // `[P…`, `instance …`, `could not …`, `timed out …`, `failed …`, `no known …`.
    if (first !== 0x5b && first !== 0x69 && first !== 0x63 && first !== 0x74 && first !== 0x66 && first !== 0x6e) return KIND.none;
    const message = buf.toString('utf8', start, end);
    const cause = causeOf(message);
    if (!cause) return KIND.none;
    this.errorEvent = { time: { ms: Number.NaN, local: false }, cause, phase: phaseOf(cause), message, client: '', request: '', connection: '', upstream: '', appMessage: '' };
    return KIND.proxyError;
  }
}
