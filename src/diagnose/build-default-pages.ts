/** Validates `data/fingerprints/default-pages.yaml` (components' own error pages byte for byte, for their sizes). */
import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { defaultPagesFileSchema, type DefaultPageTemplate } from './default-page-schema.ts';

export const DEFAULT_PAGES_FILE = 'default-pages.yaml';

function checkTemplates(templates: readonly DefaultPageTemplate[], path: string, errors: string[]): void {
  const ids = new Set<string>();
  for (const t of templates) {
    if (ids.has(t.id)) errors.push(`${path}: template id "${t.id}" is used twice`);
    ids.add(t.id);
    for (const v of t.variants ?? []) {
      if (!t.pages.some((p) => p.head.includes(v.replace))) errors.push(`${path}: ${t.id}: no page contains the variant's "${v.replace}"`);
    }
  }
}

/** Reads and validates the file; returns its templates (none when it is invalid). */
export function readDefaultPages(path: string, errors: string[]): DefaultPageTemplate[] {
  if (!existsSync(path)) {
    errors.push(`${path}: missing (components' own error pages, recognised by their size)`);
    return [];
  }
  let data: unknown;
  try {
    data = parse(readFileSync(path, 'utf8'), { prettyErrors: true });
  } catch (error) {
    errors.push(`${path}: not valid YAML: ${(error as Error).message}`);
    return [];
  }
  const result = defaultPagesFileSchema.safeParse(data);
  if (!result.success) {
    for (const issue of result.error.issues) errors.push(`${path}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
    return [];
  }
  checkTemplates(result.data.templates, path, errors);
  return result.data.templates;
}
