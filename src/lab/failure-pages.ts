/**
 * The failure scenarios the site shows as pages (`/lab/fail/<slug>`): a reader's name for each, the lab scenario
 * that causes it, and which part of Browser -> Gateway -> App broke (the home page's guide marks it the same way:
 * the app, the link between gateway and app, or the gateway itself).
 */
import type { Scenario } from './lab.ts';

export type FailingHop = 'app' | 'link' | 'proxy';

export const FAILURE_PAGES = [
  { slug: 'app-exception', scenario: 'app-exception', failing: 'app' },
  { slug: 'upstream-down', scenario: 'connection-refused', failing: 'link' },
  { slug: 'reset', scenario: 'reset-before-headers', failing: 'link' },
  { slug: 'empty-reply', scenario: 'close-without-reply', failing: 'link' },
  { slug: 'malformed-status', scenario: 'invalid-status-line', failing: 'link' },
  { slug: 'oversized-headers', scenario: 'oversized-headers', failing: 'link' },
  { slug: 'slow-headers', scenario: 'slow-headers', failing: 'link' },
  { slug: 'truncated-body', scenario: 'truncated-body', failing: 'link' },
  { slug: 'overload', scenario: 'overload', failing: 'proxy' },
  { slug: 'rate-limited', scenario: 'rate-limited', failing: 'proxy' },
] as const satisfies ReadonlyArray<{ slug: string; scenario: Scenario; failing: FailingHop }>;

export type FailurePage = (typeof FAILURE_PAGES)[number];
export type FailurePageSlug = FailurePage['slug'];

export const failurePage = (slug: string): FailurePage | undefined => FAILURE_PAGES.find((p) => p.slug === slug);
