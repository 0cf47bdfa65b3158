/** Flag helpers derived from the data, never from hand-written lists. */
import { resolveEntry } from './lookup.ts';

type Ref = string | number;
const entry = (ref: Ref) => resolveEntry(typeof ref === 'number' ? String(ref).padStart(3, '0') : ref);

/** True unless retrying is never useful; `conditional` codes need the condition in `text[locale].retry`. */
export const isRetryable = (ref: Ref): boolean => entry(ref).flags.retryable !== 'never';
export const isCacheableByDefault = (ref: Ref): boolean => entry(ref).flags.cacheableByDefault;
export const isEmptyBody = (ref: Ref): boolean => entry(ref).flags.emptyBody;
export const isRedirect = (ref: Ref): boolean => entry(ref).flags.redirect;
export const isMethodPreserving = (ref: Ref): boolean => entry(ref).flags.methodPreserving === true;
export const isInterim = (ref: Ref): boolean => entry(ref).flags.interim;
export const isClientVisible = (ref: Ref): boolean => entry(ref).flags.clientVisible;
