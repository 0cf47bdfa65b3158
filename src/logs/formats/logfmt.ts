/**
 * `key=value` pairs as logfmt writes them (Heroku's router, logrus' text formatter behind Tyk): a value with blanks is
 * double-quoted, with `\"` inside. `matchAll` copies the pattern, so one shared instance is safe.
 */
export const LOGFMT_PAIR = /([a-z_]+)=("(?:[^"\\]|\\.)*"|\S*)/g;

/** A quoted log value without its quotes and escapes; an unquoted one as it is. */
export function unquoteValue(value: string): string {
  return value.startsWith('"') ? value.slice(1, -1).replaceAll('\\"', '"') : value;
}
