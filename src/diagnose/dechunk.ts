/**
 * Undoes `Transfer-Encoding: chunked` in a pasted body: socket dumps (`nc`, `openssl s_client`, a proxy's debug
 * log, Wireshark's "follow stream") show the chunk-size lines that curl removes, and they would hide the page from
 * patterns anchored at its start. Sizes count bytes on the wire; when the paste lost every CR, each LF stood for CRLF.
 */
import { Buffer } from 'node:buffer';

const SIZE_LINE = /^([0-9a-fA-F]{1,8})(?:;[^\r\n]*)?\r?$/;

export interface Dechunked {
  body: string;
  /** The last (zero-size) chunk never came: the dump stops mid-body. */
  complete: boolean;
}

/** The body without its chunk framing, or null when it is not chunked as it claims (curl already removed it). */
export function dechunk(body: string): Dechunked | null {
  // Without any CR the paste lost them: a data LF was CRLF on the wire, or LF all along; try both.
  if (!body.includes('\r')) return decode(body, 2) ?? decode(body, 1);
  return decode(body, 1);
}

function decode(body: string, lfBytes: number): Dechunked | null {
  const cost = (ch: string) => (ch === '\n' ? lfBytes : Buffer.byteLength(ch));
  let out = '';
  let at = 0;
  for (;;) {
    if (at >= body.length) return out === '' ? null : { body: out, complete: false };
    const eol = body.indexOf('\n', at);
    const line = body.slice(at, eol === -1 ? body.length : eol);
    const size = SIZE_LINE.exec(line);
    if (!size) return null;
    const bytes = Number.parseInt(size[1] ?? '', 16);
    if (bytes === 0) return { body: out, complete: true };
    if (eol === -1) return out === '' ? null : { body: out, complete: false };
    at = eol + 1;
    let taken = 0;
    const start = at;
    for (const ch of body.slice(at)) {
      if (taken >= bytes) break;
      taken += cost(ch);
      at += ch.length;
    }
    out += body.slice(start, at);
    if (taken < bytes) return { body: out, complete: false };
    if (body.startsWith('\r\n', at)) at += 2;
    else if (body.startsWith('\n', at)) at += 1;
    else if (at < body.length) return null;
  }
}
