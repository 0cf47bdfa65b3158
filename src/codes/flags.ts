/** Flag helpers derived from the data, never from hand-written lists. */
import { resolveEntry } from './lookup.ts';

/** A status code or a code's id: `502`, `'502'`, `'502.3'`, `'499-nginx'`. */
export type CodeRef = string | number;
const entry = (ref: CodeRef) => resolveEntry(typeof ref === 'number' ? String(ref).padStart(3, '0') : ref);

/** True unless retrying is never useful; `conditional` codes need the condition in `text[locale].retry`. */
export const isRetryable = (ref: CodeRef): boolean => entry(ref).flags.retryable !== 'never';
export const isCacheableByDefault = (ref: CodeRef): boolean => entry(ref).flags.cacheableByDefault;
export const isEmptyBody = (ref: CodeRef): boolean => entry(ref).flags.emptyBody;
export const isRedirect = (ref: CodeRef): boolean => entry(ref).flags.redirect;
export const isMethodPreserving = (ref: CodeRef): boolean => entry(ref).flags.methodPreserving === true;
export const isInterim = (ref: CodeRef): boolean => entry(ref).flags.interim;
export const isClientVisible = (ref: CodeRef): boolean => entry(ref).flags.clientVisible;
