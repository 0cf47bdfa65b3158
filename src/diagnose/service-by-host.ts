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

/** The patterns with a `*` label further in, compiled once each. */
const innerWildcards = new Map<string, RegExp>();

/** `*.x` and `*-x` match any host that ends so; a `*` label further in stands for one label (`*.dkr.ecr.*.amazonaws.com`). */
function servedAt(host: string, pattern: string): boolean {
  const open = pattern.startsWith('*');
  const rest = open ? pattern.slice(1) : pattern;
  if (!rest.includes('*')) return open ? host.endsWith(rest) : host === rest;
  let compiled = innerWildcards.get(pattern);
  if (!compiled) {
    const labels = rest.split('.').map((label) => (label === '*' ? '[^.]+' : label));
    compiled = new RegExp(`^${open ? '.*' : ''}${labels.join('\\.')}$`);
    innerWildcards.set(pattern, compiled);
  }
  return compiled.test(host);
}

function serviceAt(host: string, data: ServiceHostsData): ServiceByHost | undefined {
  return data.services.find((s) => s.hosts.some((pattern) => servedAt(host, pattern)));
}

/** A proxy of the client's own answered the CONNECT or asked for its credentials: the answer may be its. */
const throughClientProxy = (obs: Observation, status: number, chain: readonly ChainLink[]): boolean =>
  status === 407 || obs.hops.some((hop) => /connection established/i.test(hop.reason)) || chain.some((l) => l.layer === 'forward-proxy');

/** A verdict by elimination's parts, with the service's own likely causes (a proxy's generic ones would mislead). */
export type ServiceParts = EliminationParts & { causes: string[] };

export function serviceByHost(obs: Observation, status: number | null, chain: readonly ChainLink[], data: ServiceHostsData | null, locale: Locale): ServiceParts | null {
  const host = obs.requestHost;
  if (!data || host === undefined || !obs.response || obs.logged || status === null || status < 400 || throughClientProxy(obs, status, chain)) return null;
  const service = serviceAt(host, data);
  if (!service || (!service.ownEdge && !data.behindEdgeStatuses.includes(status))) return null;
  if (status >= 500 && chain.some((l) => l.layer === 'cdn')) return null;
  const values: Record<string, string> = { service: service.component, host, status: String(status) };
  const filled = (text: string) => fill(text, values);
  const text = data.text[locale];
  const issuer = { component: service.component, layer: 'origin-app' as const };
  return {
    verdict: 'inferred',
    issuer: { ...issuer, fingerprint: SERVICE_HOST_RULE },
    confidence: 'low',
    chain: [...chain.filter((l) => l.component !== service.component), { ...issuer, role: 'issuer' }],
    summary: filled(text.summary),
    causes: (status < 500 ? text.causes4xx : text.causes5xx).map(filled),
    whereToLook: text.whereToLook.map(filled),
    nextSteps: text.nextSteps.map(filled),
    evidence: [{ kind: 'request', name: 'Host', value: host, fingerprint: SERVICE_HOST_RULE, component: service.component, confidence: 'low', source: service.source }],
  };
}
