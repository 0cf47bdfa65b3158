/**
 * "The service answered", by the host the request went to (data/fingerprints/service-hosts.yaml): when no component's
 * own page explains a response and the paste shows it came from GitHub's API, the npm registry or another public
 * service, that service sent it (verdict `inferred`, low). Not when a proxy of the client's own stood in between (a
 * CONNECT tunnel, a forward proxy, a 407), nor for a 5xx that a CDN in front may have written itself.
 */
import type { Locale } from '../i18n/index.ts';
import { fill, type EliminationParts } from './diagnosis-by-elimination.ts';
import type { ServiceByHost, ServiceHostsData } from './service-host-schema.ts';
import type { ChainLink, Observation } from './types.ts';

export const SERVICE_HOST_RULE = 'service-host';
/** The `request` evidence's name when a client library, not a host, named the service. */
export const CLIENT_LIBRARY = 'Client library';

/** The patterns with a `*` label further in, compiled once each. */
const innerWildcards = new Map<string, RegExp>();

/**
 * `*.x` and `*-x` match any host that ends so; a `*` label further in stands for one label (`*.dkr.ecr.*.amazonaws.com`),
 * a label ending in `-*` for one that starts so (`s3-*.amazonaws.com`).
 */
function servedAt(host: string, pattern: string): boolean {
  const open = pattern.startsWith('*');
  const rest = open ? pattern.slice(1) : pattern;
  if (!rest.includes('*')) return open ? host.endsWith(rest) : host === rest;
  let compiled = innerWildcards.get(pattern);
  if (!compiled) {
    const labels = rest.split('.').map((label) => label.replace('*', '[^.]+'));
    compiled = new RegExp(`^${open ? '.*' : ''}${labels.join('\\.')}$`);
    innerWildcards.set(pattern, compiled);
  }
  return compiled.test(host);
}

function serviceAt(host: string, data: ServiceHostsData): ServiceByHost | undefined {
  return data.services.find((s) => s.hosts.some((pattern) => servedAt(host, pattern)));
}

/** Each service's client-library patterns, compiled once per data set. */
const compiledClients = new WeakMap<ServiceHostsData, Array<{ service: string; patterns: RegExp[] }>>();

/**
 * The one public service whose own client library the paste names (an exception of its namespace, a frame of its
 * package: `clients` in service-hosts.yaml), with the words that named it; null when none does, or several.
 */
export function requestedClient(text: string, data: ServiceHostsData | null): { service: string; library: string } | null {
  if (!data) return null;
  let clients = compiledClients.get(data);
  if (!clients) {
    clients = data.services.flatMap((s) => (s.clients ? [{ service: s.component, patterns: s.clients.map((p) => new RegExp(p)) }] : []));
    compiledClients.set(data, clients);
  }
  const found = clients.flatMap(({ service, patterns }) => {
    const library = patterns.map((p) => p.exec(text)?.[0]).find((m) => m !== undefined);
    return library === undefined ? [] : [{ service, library }];
  });
  return found.length === 1 ? (found[0] ?? null) : null;
}

/** A proxy of the client's own answered the CONNECT or asked for its credentials: the answer may be its. */
const throughClientProxy = (obs: Observation, status: number, chain: readonly ChainLink[]): boolean =>
  status === 407 || obs.hops.some((hop) => /connection established/i.test(hop.reason)) || chain.some((l) => l.layer === 'forward-proxy');

/** A verdict by elimination's parts, with the service's own likely causes (a proxy's generic ones would mislead). */
export type ServiceParts = EliminationParts & { causes: string[] };

export function serviceByHost(obs: Observation, status: number | null, chain: readonly ChainLink[], data: ServiceHostsData | null, locale: Locale): ServiceParts | null {
  const host = obs.requestHost;
  const client = host === undefined ? obs.requestClient : undefined;
  if (!data || (host === undefined && client === undefined) || !obs.response || obs.logged || status === null || status < 400 || throughClientProxy(obs, status, chain)) return null;
  const service = host === undefined ? data.services.find((s) => s.component === client?.service) : serviceAt(host, data);
  if (!service || (!service.ownEdge && !data.behindEdgeStatuses.includes(status))) return null;
  if (status >= 500 && chain.some((l) => l.layer === 'cdn')) return null;
  const values: Record<string, string> = { service: service.component, host: host ?? '', client: client?.library ?? '', status: String(status) };
  const filled = (text: string) => fill(text, values);
  const text = data.text[locale];
  const seen = host === undefined ? { name: CLIENT_LIBRARY, value: client?.library ?? '' } : { name: 'Host', value: host };
  const issuer = { component: service.component, layer: 'origin-app' as const };
  return {
    verdict: 'inferred',
    issuer: { ...issuer, fingerprint: SERVICE_HOST_RULE },
    confidence: 'low',
    chain: [...chain.filter((l) => l.component !== service.component), { ...issuer, role: 'issuer' }],
    summary: filled(host === undefined ? text.clientSummary : text.summary),
    causes: (status < 500 ? text.causes4xx : text.causes5xx).map(filled),
    whereToLook: text.whereToLook.map(filled),
    nextSteps: text.nextSteps.map(filled),
    evidence: [{ kind: 'request', ...seen, fingerprint: SERVICE_HOST_RULE, component: service.component, confidence: 'low', source: host === undefined ? (service.clientSource ?? service.source) : service.source }],
  };
}
