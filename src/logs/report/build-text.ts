/**
 * Build step for the report text: reads `data/logs/<locale>.yaml`, checks that every key exists in each locale,
 * and returns what `scripts/build-logs-text.ts` writes to `build/logs-text.json`. Done at build time so that
 * `httpwhy logs` does not load a YAML parser on every run.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { LOGS_LOCALES, missingKeys, type LogsLocale, type LogsText } from './messages.ts';

export type LogsTextBundle = Record<LogsLocale, Omit<LogsText, 'locale'>>;

export function buildLogsText(dataDir: string): { bundle: LogsTextBundle; errors: string[] } {
  const errors: string[] = [];
  const bundle = {} as LogsTextBundle;
  for (const locale of LOGS_LOCALES) {
    const file = join(dataDir, `${locale}.yaml`);
    let data: unknown;
    try {
      data = parse(readFileSync(file, 'utf8'));
    } catch (error) {
      errors.push(`${file}: ${(error as Error).message}`);
      continue;
    }
    const missing = missingKeys(data);
    if (missing.length > 0) errors.push(`${file} lacks ${missing.join(', ')}`);
    else bundle[locale] = data as Omit<LogsText, 'locale'>;
  }
  return { bundle, errors };
}
