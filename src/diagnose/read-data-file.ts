/** Reading the fingerprint data files at build time: YAML parsed, zod-validated, every problem collected. */
import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { z } from 'zod';

/** The parsed YAML of `path`, or undefined with the problem in `errors`; `missing` says why a missing file matters. */
export function readYaml(path: string, errors: string[], missing?: string): { data: unknown } | undefined {
  if (missing !== undefined && !existsSync(path)) {
    errors.push(`${path}: missing (${missing})`);
    return undefined;
  }
  try {
    return { data: parse(readFileSync(path, 'utf8'), { prettyErrors: true }) as unknown };
  } catch (error) {
    errors.push(`${path}: not valid YAML: ${(error as Error).message}`);
    return undefined;
  }
}

/** `data` as the schema types it, or undefined with each issue in `errors` as `path: field: message`. */
export function validated<S extends z.ZodType>(schema: S, data: unknown, path: string, errors: string[]): z.infer<S> | undefined {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  for (const issue of result.error.issues) errors.push(`${path}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  return undefined;
}
