/**
 * Checks one URL: follows redirects by hand (each hop parsed, policed and connected afresh, at most 10),
 * classifies a network failure, and hands a final 4xx/5xx response to the diagnosis engine.
 * The given URL being refused throws (bad input); a redirect being refused is a finding in the result.
 */
import { diagnose } from '../diagnose/index.ts';
import { HttpwhyError, isHttpwhyError } from '../errors.ts';
import { classifyFailure } from './classify.ts';
import { fetchHop, type HopContext, type HopOutcome } from './fetch-hop.ts';
import { firstValue } from './first-value.ts';
import { resolveSettings, type CheckSettings } from './settings.ts';
import { parseTarget, type AddressRules, type Target } from './target.ts';
import type { Transport } from './transport.ts';
import type { CheckFailure, CheckOptions, CheckResult, FailureKind, HopResult } from './types.ts';

function refusedRedirect(kind: FailureKind, code: string, message: string): CheckFailure {
  return { kind, phase: null, code, tls: null, message, proxyAnswers: [] };
}

interface Chain {
  hops: HopResult[];
  last: HopOutcome;
  target: Target;
  failure: CheckFailure | null;
}

/** Follows the chain from `start`; returns the last exchange and why it stopped early, if it did. */
async function follow(start: Target, context: HopContext): Promise<Chain> {
  const hops: HopResult[] = [];
  let target = start;
  for (;;) {
    const last = await fetchHop(target, context);
    hops.push(last.hop);
    const stop = (failure: CheckFailure | null): Chain => ({ hops, last, target, failure });
    if (last.error !== null) {
      context.settings.signal?.throwIfAborted();
      if (!isHttpwhyError(last.error)) return stop(classifyFailure(last.error, last.phase));
      // The given URL's name resolved to a refused address: that is the caller's input, so it throws.
      if (hops.length === 1) throw last.error;
      return stop(refusedRedirect('redirect-blocked', last.error.code, `Redirect not followed: ${last.error.message}`));
    }
    const location = last.hop.location;
    if (location === null) return stop(null);
    if (hops.length > context.settings.maxRedirects) {
      return stop(refusedRedirect('redirect-limit', 'TOO_MANY_REDIRECTS', `Stopped after ${context.settings.maxRedirects} redirects.`));
    }
    try {
      target = parseTarget(location, target.url, context);
    } catch (error) {
      if (!(error instanceof HttpwhyError)) throw error;
      const kind = error.code === 'HW_ERR_CHECK_SSRF_BLOCKED' ? 'redirect-blocked' : 'redirect-invalid';
      return stop(refusedRedirect(kind, error.code, `Redirect not followed: ${error.message}`));
    }
  }
}

function diagnosisOf({ last }: Chain, settings: CheckSettings): CheckResult['diagnosis'] {
  const status = last.hop.status;
  if (status === null || status < 400 || last.headers === null) return null;
  return diagnose({ status, headers: last.headers, body: last.text }, { locale: settings.locale });
}

function timeoutAfter(settings: CheckSettings): { signal: AbortSignal; clear: () => void } {
  const controller = new AbortController();
  const { total } = settings.timeouts;
  const timer = setTimeout(() => controller.abort(new DOMException(`The check took longer than ${total} ms.`, 'TimeoutError')), total);
  const signal = settings.signal ? AbortSignal.any([settings.signal, controller.signal]) : controller.signal;
  return { signal, clear: () => clearTimeout(timer) };
}

/** `checkUrl` with its transport given: the public entry binds the system one; tests bring their own. */
export async function checkUrlVia(transport: Transport, input: string, options: CheckOptions = {}): Promise<CheckResult> {
  const settings = resolveSettings(options);
  const rules: AddressRules = { settings, exempt: transport.exempt };
  const start = parseTarget(input.trim(), undefined, rules);
  const started = performance.now();
  const deadline = timeoutAfter(settings);
  let chain: Chain;
  try {
    chain = await follow(start, { ...rules, transport, signal: deadline.signal });
  } finally {
    deadline.clear();
  }
  const { hops, last, target, failure } = chain;
  const status = last.hop.status;
  return {
    url: start.url.href,
    finalUrl: target.url.href,
    status,
    problem: failure !== null || (status !== null && status >= 500),
    hops,
    totalMs: Math.round((performance.now() - started) * 10) / 10,
    body: last.body,
    retryAfter: firstValue(last.headers?.['retry-after']),
    failure,
    diagnosis: diagnosisOf(chain, settings),
  };
}
