/** Turns caller options into complete, validated settings; a bad option throws HW_ERR_CHECK_BAD_OPTION. */
import { HttpwhyError } from '../errors.ts';
import type { CheckOptions, PhaseTimeouts } from './types.ts';
import type { Locale } from '../i18n/index.ts';

export const MAX_REDIRECTS = 10;
export const MAX_BODY_BYTES = 1024 * 1024;
/** Ports open to SSRF-safe checks: the web ports, nothing that speaks SMTP, Redis or the like. */
export const SAFE_PORTS: readonly number[] = [80, 443, 8080, 8443];
export const DEFAULT_TIMEOUTS: Readonly<PhaseTimeouts> = { dns: 5000, connect: 5000, tls: 5000, headers: 15_000, body: 15_000, total: 30_000 };
const USER_AGENT = 'httpwhy-check (+https://www.npmjs.com/package/httpwhy)';

export interface CheckSettings {
  allowPrivate: boolean;
  /** null: any port. */
  allowedPorts: ReadonlySet<number> | null;
  maxRedirects: number;
  timeouts: PhaseTimeouts;
  maxBodyBytes: number;
  locale: Locale;
  userAgent: string;
  signal: AbortSignal | undefined;
}

/** An integer option within bounds, or the fallback when it is not given. */
export function boundedInt(value: number | undefined, name: string, min: number, max: number, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new HttpwhyError('HW_ERR_CHECK_BAD_OPTION', `${name} must be an integer from ${min} to ${max}, got ${String(value)}.`);
  }
  return value;
}

function timeouts(given: Partial<PhaseTimeouts> = {}): PhaseTimeouts {
  const pick = (phase: keyof PhaseTimeouts) => boundedInt(given[phase], `timeouts.${phase}`, 1, 600_000, DEFAULT_TIMEOUTS[phase]);
  return { dns: pick('dns'), connect: pick('connect'), tls: pick('tls'), headers: pick('headers'), body: pick('body'), total: pick('total') };
}

export function resolveSettings(options: CheckOptions): CheckSettings {
  const allowPrivate = options.allowPrivate === true;
  const ports = options.allowedPorts ?? (allowPrivate ? null : SAFE_PORTS);
  for (const port of ports ?? []) boundedInt(port, 'allowedPorts', 1, 65_535, port);
  return {
    allowPrivate,
    allowedPorts: ports ? new Set(ports) : null,
    maxRedirects: boundedInt(options.maxRedirects, 'maxRedirects', 0, MAX_REDIRECTS, MAX_REDIRECTS),
    timeouts: timeouts(options.timeouts),
    maxBodyBytes: boundedInt(options.maxBodyBytes, 'maxBodyBytes', 0, MAX_BODY_BYTES, MAX_BODY_BYTES),
    locale: options.locale ?? 'en',
    userAgent: options.userAgent ?? USER_AGENT,
    signal: options.signal,
  };
}
