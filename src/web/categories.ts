/** The site's categories: the five classes and the vendor families. */
import { listCodes, type CodeEntry } from '../codes/index.ts';

export const CATEGORY_SLUGS = ['informational', 'success', 'redirection', 'client-error', 'server-error', 'nginx', 'cloudflare', 'aws-elb', 'iis', 'unofficial'] as const;
export type CategorySlug = (typeof CATEGORY_SLUGS)[number];

const FILTERS: Record<CategorySlug, () => CodeEntry[]> = {
  informational: () => listCodes({ class: '1xx', vendor: 'none' }),
  success: () => listCodes({ class: '2xx', vendor: 'none' }),
  redirection: () => listCodes({ class: '3xx', vendor: 'none' }),
  'client-error': () => listCodes({ class: '4xx', vendor: 'none' }),
  'server-error': () => listCodes({ class: '5xx', vendor: 'none' }),
  nginx: () => listCodes({ vendor: 'nginx' }),
  cloudflare: () => listCodes({ vendor: 'cloudflare' }),
  'aws-elb': () => listCodes({ vendor: 'aws-elb' }),
  iis: () => listCodes({ vendor: 'iis' }),
  unofficial: () => listCodes({ standing: 'unofficial' }),
};

export function isCategorySlug(value: string): value is CategorySlug {
  return (CATEGORY_SLUGS as readonly string[]).includes(value);
}

export function categoryCodes(slug: CategorySlug): CodeEntry[] {
  return FILTERS[slug]();
}
