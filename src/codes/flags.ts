/** Flag helpers derived from the data, never from hand-written lists. */
import { resolveEntry } from './lookup.ts';

/** A status code or a code's id: `502`, `'502'`, `'502.3'`, `'499-nginx'`. */
export type CodeRef = string | number;
const entry = (ref: CodeRef) => resolveEntry(typeof ref === 'number' ? String(ref).padStart(3, '0') : ref);

/** True unless retrying is never useful; `conditional` codes need the condition in `text[locale].retry`. */
export const isRetryable = (ref: CodeRef): boolean => entry(ref).flags.retryable !== 'never';
/** True when a response with this status may be cached without explicit freshness (RFC 9110 §15.1). */
export const isCacheableByDefault = (ref: CodeRef): boolean => entry(ref).flags.cacheableByDefault;
/** True when a response with this status has no body (1xx, 204, 304). */
export const isEmptyBody = (ref: CodeRef): boolean => entry(ref).flags.emptyBody;
/** True for a redirect status. */
export const isRedirect = (ref: CodeRef): boolean => entry(ref).flags.redirect;
/** True for a redirect that keeps the request method and body (307, 308). */
export const isMethodPreserving = (ref: CodeRef): boolean => entry(ref).flags.methodPreserving === true;
/** True for an interim (1xx) response that a final one follows. */
export const isInterim = (ref: CodeRef): boolean => entry(ref).flags.interim;
/** True when the client receives this status (log-only values such as nginx's 499 are not sent). */
export const isClientVisible = (ref: CodeRef): boolean => entry(ref).flags.clientVisible;
