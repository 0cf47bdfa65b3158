/**
 * Envoy's default access log and Istio's longer default (fingerprints.md §3, logs-and-lab.md §1.5):
 * `[time] "METHOD path proto" code flags [details termination "failure reason"] rx tx duration upstream_time "xff" "ua" "id" "authority" "upstream"`.
 * `%RESPONSE_FLAGS%` "-" on a 5xx means the upstream sent it; the flags name Envoy's own failures.
 */
import { BaseParser, KIND, type LineKind } from './line-parser.ts';
import { parseIsoTime } from './log-time.ts';
import { splitFields, splitRequestLine } from './split-fields.ts';
import type { Cause, Signal } from '../types.ts';

const FLAGS: Array<[string, Cause]> = [
  ['DC', 'client-closed'],
  ['UH', 'no-live-upstream'],
  ['UF', 'refused'],
  ['UO', 'load-shed'],
  ['OM', 'load-shed'],
  ['DO', 'load-shed'],
  ['RL', 'load-shed'],
  ['UT', 'timeout'],
  ['SI', 'timeout'],
  ['UPE', 'invalid-response'],
  ['UC', 'reset'],
  ['UR', 'reset'],
  ['LR', 'reset'],
  ['DF', 'dns'],
  ['NR', 'proxy-config'],
  ['NC', 'proxy-config'],
  ['URX', 'upstream-failed'],
];

export function envoySignal(status: number, flags: string, details: string): Signal | null {
  const detail = details === '' ? flags : `${flags} ${details}`;
  const evidence = { kind: 'envoy-flags' as const, detail };
  if (status < 500 && status !== 0) return null;
  const set = new Set(flags.split(','));
  const named = FLAGS.find(([flag]) => set.has(flag));
  if (named) return { cause: named[1], confidence: 'high', decisive: true, evidence };
  if (flags === '-' && status !== 0) return { cause: status === 503 ? 'app-overload' : 'app-error', confidence: 'high', decisive: true, evidence };
  return { cause: 'upstream-failed', confidence: 'medium', decisive: true, evidence };
}

export class EnvoyParser extends BaseParser {
  readonly format = 'envoy' as const;

  parse(buf: Buffer, _text: string, start: number, end: number): LineKind {
    if (buf[start] !== 0x5b) return KIND.none;
    const f = splitFields(buf.toString('utf8', start, end));
    const time = parseIsoTime(f[0] ?? '');
    if (f.length < 13 || Number.isNaN(time.ms) || !/^\d{1,3}$/.test(f[2] as string)) return KIND.none;
    // Istio inserts %RESPONSE_CODE_DETAILS%, %CONNECTION_TERMINATION_DETAILS%, "%UPSTREAM_TRANSPORT_FAILURE_REASON%".
    const istio = !/^\d+$/.test(f[4] as string);
    const at = istio ? 7 : 4;
    if (f.length < at + 9) return KIND.none;
    const status = Number(f[2]);
    const flags = f[3] as string;
    const request = splitRequestLine(f[1] as string);
    const requestId = f[at + 6] as string;
    const upstream = f[at + 8] as string;
    const truncatedBy = status > 0 && status < 400 && /U[RC]/.test(flags) ? { kind: 'envoy-flags' as const, detail: flags } : null;
    return this.accessLine(
      {
        status,
        timeMs: time.ms,
        tzOffsetMin: 0,
        client: (f[at + 4] as string).split(',')[0]?.trim() ?? '',
        method: request.method,
        path: request.path,
        requestId: requestId === '-' ? '' : requestId,
        upstream: upstream === '-' ? '' : upstream,
        connection: '',
        requestTime: Number(f[at + 2]) / 1000,
        signal: envoySignal(status, flags, istio ? (f[4] as string) : ''),
        truncatedBy,
      },
      truncatedBy !== null,
    );
  }
}
