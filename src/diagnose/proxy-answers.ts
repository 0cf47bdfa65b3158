/**
 * What a reverse proxy, load balancer or CDN in front would answer for a network failure, from
 * `data/fingerprints/proxy-answers.yaml`: the one source for the diagnosis of curl's failures and for
 * the URL checker. The row of the kind that also matches the phase and the detail wins; a row that names
 * a phase or a detail the caller does not know never applies.
 */
import type { FailureDetail, FailurePhase, NetworkFailureKind } from './network-failure.ts';
import { loadProxyAnswers } from './load-fingerprints.ts';
import type { ProxyAnswerRow } from './proxy-answer-schema.ts';
import type { ProxyAnswer } from './types.ts';

/** How well a row fits: -1 when it names a phase or detail that differs, else how many of them it matches. */
function fit(row: ProxyAnswerRow, phase: FailurePhase | null, detail: FailureDetail | null): number {
  if ((row.phase !== undefined && row.phase !== phase) || (row.detail !== undefined && row.detail !== detail)) return -1;
  return (row.phase === undefined ? 0 : 1) + (row.detail === undefined ? 0 : 1);
}

/**
 * The answers, in the data's order (nginx first); empty when no component documents one.
 * `phase`: the phase that failed, when known; `detail`: what was wrong with an invalid response, when known.
 */
export function proxyAnswersFor(kind: NetworkFailureKind, phase: FailurePhase | null = null, detail: FailureDetail | null = null): ProxyAnswer[] {
  let best: ProxyAnswerRow | undefined;
  let bestFit = -1;
  for (const row of loadProxyAnswers()) {
    if (row.kind !== kind) continue;
    const score = fit(row, phase, detail);
    if (score > bestFit) [best, bestFit] = [row, score];
  }
  return best ? best.answers.map((a) => ({ ...a })) : [];
}
