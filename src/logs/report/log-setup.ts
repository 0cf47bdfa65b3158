/**
 * The log-setup doctor: for each access log whose verdicts stayed unknown or weak because its lines lack a fact,
 * the proxy that wrote it, the proxy's own name for each missing field, and the configuration that adds them
 * (log-setup-config.ts). A fact the proxy cannot log is not asked for, nor an error log when one was read.
 */
import { LOG_GAPS, type FileGaps, type LogGap } from '../analysis/index.ts';
import type { FileStats } from '../input/index.ts';
import { CAUSE_IN_ERROR_LOG, SETUP_CONFIG, SETUP_FIELDS, type SetupProxy } from './log-setup-config.ts';
import type { FormatId } from '../types.ts';

/** One missing fact: the proxy's field names for it, and how many weak verdicts lacked it. */
export interface MissingField {
  gap: LogGap;
  /** The proxy's own names for it (`$upstream_status`, `unique-id-format`). */
  fields: string[];
  /** Weak verdicts whose line lacked it. */
  count: number;
}

/** What one access log lacks, and the configuration of its proxy that adds it. */
export interface LogSetupAdvice {
  /** The access log, as given. */
  file: string;
  /** The proxy taken to have written it, from its format. */
  proxy: SetupProxy;
  /** Verdicts from this file that stayed unknown or weak (no cause, low confidence, joined by time only). */
  weak: number;
  /** What its lines lacked, in the order of `LOG_GAPS`. */
  missing: MissingField[];
  /** The configuration to add, for this proxy; comments in it are the proxy's own syntax. */
  config: string;
}

const PROXY_OF: Partial<Record<FormatId, SetupProxy>> = {
  combined: 'nginx',
  common: 'nginx',
  'nginx-main': 'nginx',
  'nginx-custom': 'nginx',
  'ingress-nginx': 'ingress-nginx',
  haproxy: 'haproxy',
  caddy: 'caddy',
  'traefik-clf': 'traefik',
  'traefik-json': 'traefik',
  envoy: 'envoy',
  alb: 'alb',
};

/** The advice for every access log with weak verdicts whose proxy can log what they lacked; `errorLogRead`: a proxy error log was given. */
export function logSetupAdvice(files: readonly FileStats[], gaps: ReadonlyMap<string, FileGaps>, errorLogRead: boolean): LogSetupAdvice[] {
  const advice: LogSetupAdvice[] = [];
  for (const f of files) {
    const tally = gaps.get(f.name);
    const proxy = f.format === null ? undefined : PROXY_OF[f.format];
    if (!tally || !proxy) continue;
    const missing = LOG_GAPS.flatMap((gap): MissingField[] => {
      const fields = SETUP_FIELDS[proxy][gap];
      const count = tally.gaps[gap];
      if (count === 0 || !fields || (gap === 'cause' && errorLogRead && CAUSE_IN_ERROR_LOG.has(proxy))) return [];
      return [{ gap, fields, count }];
    });
    if (missing.length > 0) advice.push({ file: f.name, proxy, weak: tally.weak, missing, config: SETUP_CONFIG[proxy] });
  }
  return advice;
}

export type { SetupProxy };
