/** The shape of an interface-string catalogue: the English one, widened so that a translation may say anything. */
import type { en } from './en.ts';

type Widen<T> = T extends string ? string : T extends (...args: infer A) => string ? (...args: A) => string : { [K in keyof T]: Widen<T[K]> };
export type Messages = Widen<typeof en>;
