/** Case-insensitive access to header lists, which keep the names and order they arrived with. */
import type { HeaderField } from './types.ts';

/** The first value of header `name`, whatever its case on the wire. */
export function headerValue(headers: readonly HeaderField[], name: string): string | undefined {
  const wanted = name.toLowerCase();
  return headers.find((h) => h.name.toLowerCase() === wanted)?.value;
}
