/**
 * Logs saved by Windows tools: PowerShell 5's `>` and Out-File write UTF-16 (little-endian, with a byte-order mark),
 * Notepad writes UTF-8 with a byte-order mark. The parsers read UTF-8 (and ASCII) lines, so a UTF-16 input is
 * transcoded as it streams and a UTF-8 mark is dropped; the mark says which it is. Without a mark, bytes are read as
 * they are.
 */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

/** The encoding a byte-order mark at the start of `head` names, or null when there is none. */
export function byteOrderMark(head: Buffer): TextEncoding | null {
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  return null;
}

/** The chunks as UTF-8 without the byte-order mark (UTF-16 decoded across chunk boundaries). */
export async function* asUtf8(chunks: AsyncIterable<Buffer>, encoding: TextEncoding): AsyncGenerator<Buffer> {
  if (encoding === 'utf-8') {
    // Already UTF-8: only the mark goes, and the bytes stay as they are (an invalid sequence is still reported).
    let skip = 3;
    for await (const chunk of chunks) {
      const rest = skip > 0 ? chunk.subarray(Math.min(skip, chunk.length)) : chunk;
      skip -= chunk.length - rest.length;
      if (rest.length > 0) yield rest;
    }
    return;
  }
  // TextDecoder drops the mark itself and keeps a character split between two chunks for the next one.
  const decoder = new TextDecoder(encoding);
  for await (const chunk of chunks) {
    const text = decoder.decode(chunk, { stream: true });
    if (text !== '') yield Buffer.from(text, 'utf8');
  }
  const rest = decoder.decode();
  if (rest !== '') yield Buffer.from(rest, 'utf8');
}
