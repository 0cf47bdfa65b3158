/**
 * Validates the knowledge-base sources and assembles the built knowledge base. Collects every
 * problem instead of stopping at the first, so one build run lists all the work left.
 */
import type { z } from 'zod';
import { compareEntries, classOf, splitStatus } from './order.ts';
import { readCodeSources, readComparisonSources, sha256, type RawFile } from './read-sources.ts';
import { comparisonProseSchema, metaSchema, proseSchema, type CodeMeta } from './schema.ts';
import type { CodeEntry, CodeText, ComparisonEntry, ComparisonText, KnowledgeBase } from './types.ts';
import { LOCALES, type Locale } from '../i18n/index.ts';

export interface BuildReport {
  kb: KnowledgeBase;
  /** Invalid or missing data: the build fails. */
  errors: string[];
  /** Translations whose pinned source hash no longer matches the English file. */
  stale: string[];
}

function check<T>(schema: z.ZodType<T>, file: RawFile | undefined, label: string, errors: string[]): T | undefined {
  if (!file) {
    errors.push(`${label}: file is missing`);
    return undefined;
  }
  const result = schema.safeParse(file.data);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    errors.push(`${file.path}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return undefined;
}

/** Checks the translation pin and strips it: `source` is a build concern only. */
function localise<T extends { source?: string | undefined }>(
  prose: Record<Locale, T>,
  files: Record<string, RawFile | undefined>,
  label: string,
  errors: string[],
  stale: string[],
): Record<Locale, Omit<T, 'source'>> {
  const enText = files.en?.text ?? '';
  if (prose.en.source !== undefined) errors.push(`${label}/en.yaml: the English source must not carry a 'source' pin`);
  const pin = prose.id.source;
  if (pin === undefined) errors.push(`${label}/id.yaml: missing 'source: <sha256 of en.yaml>' pin`);
  else if (pin !== sha256(enText)) stale.push(`${label}/id.yaml is stale: en.yaml changed since it was translated`);
  const out = {} as Record<Locale, Omit<T, 'source'>>;
  for (const locale of LOCALES) {
    const { source: _pin, ...rest } = prose[locale];
    out[locale] = rest;
  }
  return out;
}

function checkCodeConsistency(id: string, meta: CodeMeta, errors: string[]): void {
  if (!id.startsWith(meta.status)) errors.push(`${id}: folder name must start with its status "${meta.status}"`);
  // Registry meanings (vendor null) own the bare number; every vendor or unofficial meaning is <status>-<vendor>.
  if ((meta.vendor === null) !== (id === meta.status)) {
    errors.push(`${id}: the bare number is the id exactly when vendor is null (registry meaning)`);
  }
  if ((meta.standing === 'vendor' || meta.standing === 'unofficial') && meta.vendor === null) {
    errors.push(`${id}: vendor and unofficial entries name their vendor ('unofficial' when there is none)`);
  }
  if ((meta.standing === 'iana' || meta.standing === 'temporary') && meta.vendor !== null) {
    errors.push(`${id}: IANA entries have vendor null`);
  }
  if (meta.flags.redirect !== (meta.flags.methodPreserving !== null)) {
    errors.push(`${id}: methodPreserving is set exactly when redirect is true`);
  }
  if (meta.wireStatus === meta.status) errors.push(`${id}: wireStatus is only for a status line other than the code's own`);
  // The example exchange must show what goes on the wire: that status line, or no HTTP response at all, or a
  // 207 Multi-Status that carries the code for one of its members.
  const shown = /^HTTP\/[\d.]+ (\d{3})/.exec(meta.example.response)?.[1] ?? null;
  const expected = onTheWire(meta);
  const member = shown === '207' && meta.example.response.includes(`HTTP/1.1 ${meta.status} `);
  if (shown !== expected && !member) {
    errors.push(`${id}: the example response shows ${shown ?? 'no status line'}, but the client receives ${expected ?? 'no response'} (see wireStatus, clientVisible)`);
  }
}

/** See CodeEntry.onTheWire. */
function onTheWire(meta: CodeMeta): string | null {
  if (meta.wireStatus !== undefined) return meta.wireStatus;
  return meta.flags.clientVisible ? meta.status.slice(0, 3) : null;
}

function buildCodes(dataDir: string, errors: string[], stale: string[]): CodeEntry[] {
  const entries: CodeEntry[] = [];
  for (const raw of readCodeSources(dataDir)) {
    const meta = check(metaSchema, raw.meta, `${raw.id}/meta.yaml`, errors);
    const en = check(proseSchema, raw.prose.en, `${raw.id}/en.yaml`, errors);
    const idText = check(proseSchema, raw.prose.id, `${raw.id}/id.yaml`, errors);
    if (!meta || !en || !idText) continue;
    checkCodeConsistency(raw.id, meta, errors);
    const text = localise({ en, id: idText }, raw.prose, raw.id, errors, stale) as Record<Locale, CodeText>;
    const { code, subStatus } = splitStatus(meta.status);
    entries.push({ id: raw.id, code, subStatus, class: classOf(code), onTheWire: onTheWire(meta), ...meta, text });
  }
  const ids = new Set(entries.map((e) => e.id));
  for (const entry of entries) {
    if (entry.onTheWire !== null && entry.onTheWire !== entry.status && !ids.has(entry.onTheWire)) {
      errors.push(`${entry.id}: the client receives ${entry.onTheWire}, which has no registry entry to point to`);
    }
    for (const rel of entry.related) {
      if (!ids.has(rel)) errors.push(`${entry.id}: related id "${rel}" does not exist`);
      if (rel === entry.id) errors.push(`${entry.id}: an entry cannot relate to itself`);
    }
    for (const locale of LOCALES) {
      const keys = Object.keys(entry.text[locale].related).toSorted();
      const expected = [...entry.related].toSorted();
      if (keys.join() !== expected.join()) {
        errors.push(`${entry.id}/${locale}.yaml: related keys [${keys}] must equal meta.related [${expected}]`);
      }
    }
  }
  return entries.toSorted(compareEntries);
}

function buildComparisons(dataDir: string, codes: CodeEntry[], errors: string[], stale: string[]): ComparisonEntry[] {
  const byId = new Map(codes.map((c) => [c.id, c]));
  const out: ComparisonEntry[] = [];
  for (const raw of readComparisonSources(dataDir)) {
    const [a = '', b = ''] = raw.id.split('-vs-');
    const ea = byId.get(a);
    const eb = byId.get(b);
    if (!ea || !eb) {
      errors.push(`compare/${raw.id}: both sides must be existing code ids`);
      continue;
    }
    if (compareEntries(ea, eb) >= 0) errors.push(`compare/${raw.id}: use the canonical order ${b}-vs-${a}`);
    const en = check(comparisonProseSchema, raw.prose.en, `compare/${raw.id}/en.yaml`, errors);
    const idText = check(comparisonProseSchema, raw.prose.id, `compare/${raw.id}/id.yaml`, errors);
    if (!en || !idText) continue;
    for (const [locale, prose] of [['en', en], ['id', idText]] as const) {
      if (Object.keys(prose.whenToUse).toSorted().join() !== [a, b].toSorted().join()) {
        errors.push(`compare/${raw.id}/${locale}.yaml: whenToUse keys must be exactly ${a} and ${b}`);
      }
    }
    const text = localise({ en, id: idText }, raw.prose, `compare/${raw.id}`, errors, stale) as Record<Locale, ComparisonText>;
    out.push({ id: raw.id, a, b, text });
  }
  return out;
}

export function buildKnowledgeBase(dataDir: string): BuildReport {
  const errors: string[] = [];
  const stale: string[] = [];
  const codes = buildCodes(dataDir, errors, stale);
  const comparisons = buildComparisons(dataDir, codes, errors, stale);
  return { kb: { codes, comparisons }, errors, stale };
}
