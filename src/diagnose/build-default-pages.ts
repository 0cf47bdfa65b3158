/** Validates `data/fingerprints/default-pages.yaml` (components' own error pages byte for byte, for their sizes). */
import { readYaml, validated } from './read-data-file.ts';
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
  const file = readYaml(path, errors, "components' own error pages, recognised by their size");
  const pages = file && validated(defaultPagesFileSchema, file.data, path, errors);
  if (!pages) return [];
  checkTemplates(pages.templates, path, errors);
  return pages.templates;
}
