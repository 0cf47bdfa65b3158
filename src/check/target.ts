/**
 * Parses a URL once with WHATWG URL (which canonicalises 0x7f.1, 2130706433, ①②⑦.⓪.⓪.① and friends to
 * 127.0.0.1 and IPv6 to its short form) and applies the scheme, port and address rules before any I/O.
 * The parsed URL is what the connection uses, so validation and connection cannot disagree about the host.
 */
import { isIP } from 'node:net';
import { HttpwhyError } from '../errors.ts';
import { deniedRange } from './address-policy.ts';
import type { CheckSettings } from './settings.ts';

export interface Target {
  url: URL;
  /** The host name or IP, IPv6 without brackets. */
  host: string;
  /** 4 or 6 for an IP literal, 0 for a name to resolve. */
  literal: number;
  port: number;
  tls: boolean;
}

/** What the address rules need: the settings, and addresses let through for tests only. */
export interface AddressRules {
  settings: CheckSettings;
  exempt: ReadonlySet<string>;
}

/** Throws HW_ERR_CHECK_SSRF_BLOCKED unless the address may be connected to. */
export function assertAddressAllowed(address: string, target: Target, rules: AddressRules): void {
  if (rules.settings.allowPrivate || rules.exempt.has(address)) return;
  const range = deniedRange(address);
  if (range === null) return;
  const via = target.literal ? '' : `${target.host} resolves to `;
  throw new HttpwhyError(
    'HW_ERR_CHECK_SSRF_BLOCKED',
    `${via}${address} is not a public address (${range}); SSRF-safe checks connect only to public addresses.`,
    { url: target.url.href, address, range },
  );
}

/** Parses `raw` (relative to `base` for a Location header) and checks scheme, port and an IP literal's range. */
export function parseTarget(raw: string, base: URL | undefined, rules: AddressRules): Target {
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    throw new HttpwhyError('HW_ERR_CHECK_BAD_URL', `"${raw}" is not a valid URL.`, { url: raw });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new HttpwhyError('HW_ERR_CHECK_BAD_URL', `Only http: and https: URLs can be checked, not ${url.protocol}.`, { url: url.href });
  }
  const tls = url.protocol === 'https:';
  const port = url.port === '' ? (tls ? 443 : 80) : Number(url.port);
  const allowed = rules.settings.allowedPorts;
  if (allowed && !allowed.has(port)) {
    throw new HttpwhyError('HW_ERR_CHECK_SSRF_BLOCKED', `Port ${port} is not allowed; allowed ports: ${[...allowed].join(', ')}.`, {
      url: url.href,
      port,
    });
  }
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const target: Target = { url, host, literal: isIP(host), port, tls };
  if (target.literal) assertAddressAllowed(host, target, rules);
  return target;
}
