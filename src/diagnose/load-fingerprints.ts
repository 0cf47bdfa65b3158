/**
 * Loads the built fingerprints (`build/fingerprints.json`, made by `npm run build:data`) once and
 * compiles them. The path is the same relative to `src/diagnose/` and `dist/diagnose/`.
 */
import { readFileSync } from 'node:fs';
import type { DefaultPageTemplate } from './default-page-schema.ts';
import type { EliminationData } from './elimination-schema.ts';
import type { FingerprintBundle } from './fingerprint-schema.ts';
import { compileFingerprint, type CompiledFingerprint } from './match-fingerprint.ts';
import type { ProxyAnswerRow } from './proxy-answer-schema.ts';
import type { ServiceHostsData } from './service-host-schema.ts';

let bundle: FingerprintBundle | undefined;
let compiled: readonly CompiledFingerprint[] | undefined;

function loadBundle(): FingerprintBundle {
  bundle ??= JSON.parse(readFileSync(new URL('../../build/fingerprints.json', import.meta.url), 'utf8')) as FingerprintBundle;
  return bundle;
}

export function loadFingerprints(): readonly CompiledFingerprint[] {
  compiled ??= loadBundle().fingerprints.map(compileFingerprint);
  return compiled;
}

/** data/fingerprints/proxy-answers.yaml as built. */
export function loadProxyAnswers(): readonly ProxyAnswerRow[] {
  return loadBundle().proxyAnswers;
}

/** data/fingerprints/elimination.yaml as built. */
export function loadElimination(): EliminationData {
  return loadBundle().elimination;
}

/** data/fingerprints/default-pages.yaml as built. */
export function loadDefaultPages(): readonly DefaultPageTemplate[] {
  return loadBundle().defaultPages;
}

/** data/fingerprints/service-hosts.yaml as built. */
export function loadServiceHosts(): ServiceHostsData | null {
  return loadBundle().serviceHosts;
}
