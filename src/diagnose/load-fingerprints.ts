/**
 * Loads the built fingerprints (`build/fingerprints.json`, made by `npm run build:data`) once and
 * compiles them. The path is the same relative to `src/diagnose/` and `dist/diagnose/`.
 */
import { readFileSync } from 'node:fs';
import type { FingerprintBundle } from './fingerprint-schema.ts';
import { compileFingerprint, type CompiledFingerprint } from './match-fingerprint.ts';

let cached: readonly CompiledFingerprint[] | undefined;

export function loadFingerprints(): readonly CompiledFingerprint[] {
  if (cached) return cached;
  const bundle = JSON.parse(readFileSync(new URL('../../build/fingerprints.json', import.meta.url), 'utf8')) as FingerprintBundle;
  cached = bundle.fingerprints.map(compileFingerprint);
  return cached;
}
