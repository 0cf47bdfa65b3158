/** The public entry points, bound to the system resolver and dialer: nothing here lets a caller change them. */
import { runBulk } from './bulk.ts';
import { checkUrlVia } from './check-url.ts';
import { systemTransport } from './transport.ts';
import type { BulkOptions, BulkRow, CheckOptions, CheckResult } from './types.ts';

/**
 * Checks one URL: redirect chain, timings, TLS certificate, network failure with what a proxy in front
 * would answer, and the diagnosis of a failing response. SSRF-safe unless `allowPrivate` is set.
 * Throws HW_ERR_CHECK_BAD_URL or HW_ERR_CHECK_SSRF_BLOCKED when the URL itself is refused.
 * @example const result = await checkUrl('https://example.com/');
 */
export function checkUrl(url: string, options: CheckOptions = {}): Promise<CheckResult> {
  return checkUrlVia(systemTransport, url, options);
}

/**
 * Checks many URLs from any (async) iterable, `concurrency` at a time and at most `perHost` per host,
 * streaming one row per URL as it finishes. Memory stays bounded whatever the length of the input.
 */
export function checkUrls(urls: Iterable<string> | AsyncIterable<string>, options: BulkOptions = {}): AsyncGenerator<BulkRow> {
  return runBulk(urls, options, checkUrl);
}
