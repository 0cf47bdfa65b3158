/**
 * `docker logs --details`: the extra attributes of the container's log driver (`--log-opt labels=…, env=…,
 * env-regex=…, tag`) before each line, as `key=value` pairs joined by `,`, sorted by key, keys and values
 * URL-query-escaped, then a space (moby api/server/httputils/write_log_stream.go `attrsByteSlice`):
 * `IMAGE_NAME=getslash%2Fbackslash 172.18.0.1 - - […`. A container with no such attributes gets the space alone.
 * A logfmt line begins the same way (`level=info msg=…`), so the wrapper is loose (see Wrapper).
 */
import type { WrappedLine, Wrapper } from './wrapped-line.ts';

/** What `url.QueryEscape` leaves as is, and its escapes: letters, digits, `-_.~`, `%XX` and `+` for a space. */
function isEscapedChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 45 || c === 95 || c === 46 || c === 126 || c === 37 || c === 43;
}

export const dockerDetails: Wrapper = {
  id: 'docker-details',
  loose: true,
  strip(line: WrappedLine): boolean {
    const { text, start, end } = line;
    let pos = start;
    // One or more `key=value` (the value may be empty), joined by commas, or none at all.
    while (pos < end && text.charCodeAt(pos) !== 32) {
      const key = pos;
      while (pos < end && isEscapedChar(text.charCodeAt(pos))) pos++;
      if (pos === key || text.charCodeAt(pos) !== 61) return false;
      pos++;
      while (pos < end && isEscapedChar(text.charCodeAt(pos))) pos++;
      if (text.charCodeAt(pos) === 44) pos++;
      else if (text.charCodeAt(pos) !== 32) return false;
    }
    // The line itself follows the one space.
    if (pos + 1 >= end || text.charCodeAt(pos + 1) === 32) return false;
    line.start = pos + 1;
    return true;
  },
};
