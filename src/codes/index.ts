/**
 * @module codes
 * The status-code knowledge base: every IANA code plus the vendor and unofficial codes people meet,
 * each with structured facts and English and Indonesian prose.
 */
export { ISSUERS, STANDINGS, VENDORS } from './constants.ts';
export type { CodeEntry, CodeMeta, CodeProse, CodeText, ComparisonEntry, ComparisonText, Issuer, Standing, StatusClass, Vendor } from './types.ts';
export { getCode, getEntry, listCodes, parseStatus, requireCode, resolveEntry, suggestNear, wireEntry, type CodeFilter } from './lookup.ts';
export { search, type SearchHit, type SearchOptions } from './search.ts';
export { type CodeRef, isCacheableByDefault, isClientVisible, isEmptyBody, isInterim, isMethodPreserving, isRedirect, isRetryable } from './flags.ts';
export { compareEntries, classOf } from './order.ts';
export { loadKb } from './load.ts';
export { localizeEntry, summarizeEntry, type EntrySummary, type LocalizedEntry } from './localize.ts';
