/**
 * Which IP addresses a checker serving others may connect to: public unicast only. IPv4 is judged against
 * the IANA special-purpose ranges; IPv6 must be global unicast (2000::/3) outside the special blocks, so
 * loopback, unique-local, link-local, multicast, NAT64, IPv4-compatible and every future oddity outside
 * 2000::/3 are denied by construction. IPv4-mapped IPv6 (::ffff:a.b.c.d) is judged as the IPv4 inside.
 * Input must be canonical (what WHATWG URL or the resolver produced), never a raw user string.
 */
import { BlockList, isIP } from 'node:net';

/** Why an address is denied; `null` from `deniedRange` means public. */
export type DeniedRange =
  | 'this-network'
  | 'private'
  | 'carrier-grade-nat'
  | 'loopback'
  | 'link-local'
  | 'reserved'
  | 'documentation'
  | 'benchmarking'
  | 'multicast'
  | 'ietf-protocol'
  | '6to4'
  | 'not-global-unicast'
  | 'not-an-ip';

type Rule = readonly [network: string, prefix: number, range: DeniedRange];

const IPV4_RULES: readonly Rule[] = [
  ['0.0.0.0', 8, 'this-network'],
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'carrier-grade-nat'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local'],
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'ietf-protocol'],
  ['192.0.2.0', 24, 'documentation'],
  ['192.88.99.0', 24, 'reserved'],
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'benchmarking'],
  ['198.51.100.0', 24, 'documentation'],
  ['203.0.113.0', 24, 'documentation'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved'],
];

/** Blocks inside 2000::/3 that are not ordinary public unicast (Teredo, ORCHID, benchmarking sit in 2001::/23). */
const IPV6_RULES: readonly Rule[] = [
  ['2001::', 23, 'ietf-protocol'],
  ['2001:db8::', 32, 'documentation'],
  ['2002::', 16, '6to4'],
  ['3fff::', 20, 'documentation'],
];

function compile(rules: readonly Rule[], family: 'ipv4' | 'ipv6'): Array<[BlockList, DeniedRange]> {
  return rules.map(([network, prefix, range]) => {
    const list = new BlockList();
    list.addSubnet(network, prefix, family);
    return [list, range];
  });
}

const ipv4 = compile(IPV4_RULES, 'ipv4');
const ipv6 = compile(IPV6_RULES, 'ipv6');
const ipv4Mapped = new BlockList();
ipv4Mapped.addSubnet('::ffff:0:0', 96, 'ipv6');
const globalUnicast = new BlockList();
globalUnicast.addSubnet('2000::', 3, 'ipv6');

const match = (rules: Array<[BlockList, DeniedRange]>, ip: string, family: 'ipv4' | 'ipv6') =>
  rules.find(([list]) => list.check(ip, family))?.[1] ?? null;

/** The denied range an address falls in, or null when it is public unicast. Brackets are tolerated. */
export function deniedRange(address: string): DeniedRange | null {
  const ip = address.replace(/^\[(.*)\]$/, '$1');
  const family = isIP(ip);
  if (family === 4) return match(ipv4, ip, 'ipv4');
  if (family !== 6) return 'not-an-ip';
  // A zone (fe80::1%eth0) names a local interface: only link-local addresses carry one.
  if (ip.includes('%')) return 'not-global-unicast';
  // An IPv4 rule in a BlockList also matches the IPv4-mapped form, so the embedded address is judged directly.
  if (ipv4Mapped.check(ip, 'ipv6')) return match(ipv4, ip, 'ipv6');
  if (!globalUnicast.check(ip, 'ipv6')) return 'not-global-unicast';
  return match(ipv6, ip, 'ipv6');
}
