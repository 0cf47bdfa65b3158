/**
 * Puts the components seen into the order a response passed them, outermost first: the client, a
 * forward proxy, the CDN, gateways and load balancers, proxies, servers, the application. A component that `refines`
 * another (ingress-nginx refines nginx) absorbs it, so one box shows once under its precise name.
 */
import type { Issuer } from '../codes/index.ts';
import type { BuiltFingerprint } from './fingerprint-schema.ts';
import type { ChainLink, ResponseEvidence } from './types.ts';

export interface MatchedFingerprint {
  fingerprint: BuiltFingerprint;
  evidence: ResponseEvidence[];
  score: number;
  /** Position in the fingerprint list, for stable ordering. */
  order: number;
}

const LAYER_ORDER: Record<Issuer, number> = {
  'client-tooling': 0,
  'forward-proxy': 1,
  cdn: 2,
  'api-gateway': 3,
  'load-balancer': 4,
  'serverless-platform': 5,
  'reverse-proxy': 6,
  'web-server': 7,
  'origin-app': 8,
};

export interface Link extends ChainLink {
  order: number;
  refines: Set<string>;
  /** Components merged into this link. */
  members: Set<string>;
}

/** The issuer's component plus every in-path component, with refinements merged. */
export function buildChain(matched: readonly MatchedFingerprint[], issuer: BuiltFingerprint | undefined): Link[] {
  const links = new Map<string, Link>();
  for (const { fingerprint: fp, order } of matched) {
    const isIssuer = fp.component === issuer?.component;
    if (fp.role !== 'in-path' && !isIssuer) continue;
    const link = links.get(fp.component) ?? { component: fp.component, layer: fp.layer, role: 'in-path', order, refines: new Set<string>(), members: new Set([fp.component]) };
    if (isIssuer && issuer) Object.assign(link, { role: 'issuer', layer: issuer.layer });
    if (fp.refines !== undefined) link.refines.add(fp.refines);
    links.set(fp.component, link);
  }
  for (const link of links.values()) {
    for (const base of link.refines) {
      const absorbed = links.get(base);
      if (!absorbed || absorbed === link) continue;
      if (absorbed.role === 'issuer') link.role = 'issuer';
      for (const member of absorbed.members) link.members.add(member);
      link.order = Math.min(link.order, absorbed.order);
      links.delete(base);
    }
  }
  return [...links.values()].toSorted(
    (a, b) => LAYER_ORDER[a.layer] - LAYER_ORDER[b.layer] || Number(a.role === 'issuer') - Number(b.role === 'issuer') || a.order - b.order,
  );
}

/** The public view of a link. */
export function toChainLink({ component, layer, role }: Link): ChainLink {
  return { component, layer, role };
}
