/**
 * Validates the fingerprint data (`data/fingerprints/*.yaml`, plus `proxy-answers.yaml`, `elimination.yaml` and
 * `default-pages.yaml`, which are not families: build-proxy-answers.ts, build-elimination.ts,
 * build-default-pages.ts) and assembles the bundle the engine loads. Collects every problem
 * instead of stopping at the first, so one run lists all the work left.
 * Output order is fixed (files by name, fingerprints as written), so the build is deterministic.
 */
import { existsSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { DEFAULT_PAGES_FILE, readDefaultPages } from './build-default-pages.ts';
import { ELIMINATION_FILE, readElimination } from './build-elimination.ts';
import { checkFailureReferences, PROXY_ANSWERS_FILE, readProxyAnswers } from './build-proxy-answers.ts';
import { readServiceHosts, SERVICE_HOSTS_FILE } from './service-host-schema.ts';
import { getCode, type Vendor } from '../codes/index.ts';
import { readYaml, validated } from './read-data-file.ts';
import { familySchema, type BuiltFingerprint, type FamilyFile, type Fingerprint, type FingerprintBundle } from './fingerprint-schema.ts';

export interface FingerprintBuildReport {
  bundle: FingerprintBundle;
  /** Invalid data: the build fails. */
  errors: string[];
}

function readFamily(path: string, errors: string[]): FamilyFile | undefined {
  const file = readYaml(path, errors);
  if (!file) return undefined;
  const family = (file.data as { family?: unknown } | null)?.family;
  if (family !== basename(path, '.yaml')) errors.push(`${path}: family "${String(family)}" must equal the file name`);
  return validated(familySchema, file.data, path, errors);
}

/**
 * A status that only one vendor's component sends (Cloudflare's 520-526): every meaning the knowledge base has for it
 * is that vendor's own code, so the status alone names the component, as no registered status can.
 */
const ownStatusOf = (vendor: Vendor | undefined, status: number): boolean => {
  const meanings = getCode(status);
  return vendor !== undefined && meanings.length > 0 && meanings.every((e) => e.vendor === vendor && e.standing === 'vendor');
};

/**
 * A vendor's code that a rarer component shares (Cloudflare's 521, which Zoraxy sends too): the status alone may name
 * the vendor only as a guess, at low confidence, and the summary says who else sends it.
 */
const sharedOwnStatusOf = (vendor: Vendor | undefined, status: number): boolean =>
  vendor !== undefined && getCode(status).some((e) => e.vendor === vendor && e.standing === 'vendor');

function checkMatch(fp: Fingerprint, vendor: Vendor | undefined, where: string, errors: string[]): void {
  const m = fp.match;
  const responseMatchers = m.reason !== undefined || m.headers !== undefined || m.body !== undefined || m.anyOf !== undefined;
  if (m.failure && (responseMatchers || m.status)) errors.push(`${where}: a curl failure matcher stands alone (no status, reason, headers or body)`);
  if (m.logged && (m.logged.issued !== undefined) !== (fp.role === 'issuer')) {
    errors.push(`${where}: a log-line issuer says the log's writer answered itself (issued: proxy); an in-path one says nothing about that`);
  }
  const ownStatuses =
    m.status !== undefined && m.status.every((status) => ownStatusOf(vendor, status) || (fp.confidence === 'low' && sharedOwnStatusOf(vendor, status)));
  if (!m.failure && !m.logged && !responseMatchers && !ownStatuses) {
    errors.push(`${where}: status alone identifies nothing unless only the family's vendor sends it (or, at low confidence, the vendor's own code shared by a rarer component); add a header, body or reason matcher`);
  }
  if (fp.role === 'issuer' && (fp.networkFailure !== undefined || fp.networkFailureDetail !== undefined) && !m.failure) {
    errors.push(`${where}: networkFailure and networkFailureDetail belong to curl failure fingerprints`);
  }
  if (fp.role === 'in-path' && m.status) errors.push(`${where}: an in-path fingerprint says who is on the path whatever the status; drop 'status'`);
}

function checkTranslation(fp: Fingerprint, where: string, errors: string[]): void {
  if (fp.role !== 'issuer') return;
  for (const key of ['causes', 'whereToLook', 'nextSteps'] as const) {
    if (fp.text.en[key].length !== fp.text.id[key].length) {
      errors.push(`${where}: text.id.${key} has ${fp.text.id[key].length} item(s), text.en.${key} has ${fp.text.en[key].length}`);
    }
  }
}

export function buildFingerprints(dir: string): FingerprintBuildReport {
  const errors: string[] = [];
  const fingerprints: BuiltFingerprint[] = [];
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.yaml') && ![PROXY_ANSWERS_FILE, ELIMINATION_FILE, DEFAULT_PAGES_FILE, SERVICE_HOSTS_FILE].includes(f)).toSorted() : [];
  if (files.length === 0) errors.push(`${dir}: no fingerprint files`);
  for (const file of files) {
    const path = join(dir, file);
    const family = readFamily(path, errors);
    if (!family) continue;
    for (const fp of family.fingerprints) {
      const where = `${path}: ${fp.id}`;
      checkMatch(fp, family.kbVendor, where, errors);
      checkTranslation(fp, where, errors);
      fingerprints.push({ ...fp, family: family.family, kbVendor: family.kbVendor ?? null });
    }
  }
  const seen = new Set<string>();
  const components = new Set(fingerprints.map((fp) => fp.component));
  for (const fp of fingerprints) {
    if (seen.has(fp.id)) errors.push(`${fp.family}: fingerprint id "${fp.id}" is used twice`);
    seen.add(fp.id);
    if (fp.refines !== undefined && (fp.refines === fp.component || !components.has(fp.refines))) {
      errors.push(`${fp.family}: ${fp.id}: refines "${fp.refines}", which is not another known component`);
    }
  }
  const proxyAnswers = readProxyAnswers(join(dir, PROXY_ANSWERS_FILE), errors);
  checkFailureReferences(fingerprints, proxyAnswers, errors);
  const elimination = readElimination(join(dir, ELIMINATION_FILE), fingerprints, errors) ?? { appServers: [], rules: [] };
  const defaultPages = readDefaultPages(join(dir, DEFAULT_PAGES_FILE), errors);
  const serviceHosts = readServiceHosts(join(dir, SERVICE_HOSTS_FILE), errors) ?? null;
  return { bundle: { fingerprints, proxyAnswers, elimination, defaultPages, serviceHosts }, errors };
}
