/** Case-insensitive access to header lists, which keep the names and order they arrived with. */
import type { HeaderField } from './types.ts';

/** The first value of header `name`, whatever its case on the wire. */
export function headerValue(headers: readonly HeaderField[], name: string): string | undefined {
  const wanted = name.toLowerCase();
  return headers.find((h) => h.name.toLowerCase() === wanted)?.value;
}

/**
 * A name that is an HTTP header's: hyphenated (Content-Type, X-Powered-By), or one of the one-word response headers.
 * Labelled lines of a page ("URI:", "MESSAGE:" under Jetty's "STATUS: 400") are no head.
 */
export const HTTP_HEADER_NAME = /-|^(?:server|date|connection|location|via|vary|age|allow|etag|expires|pragma|link|upgrade|trailer|warning|refresh)$/i;
