/**
 * Reads the string literals a program prints when it shows a response as data: JavaScript's (Node's `util.inspect`,
 * `'...'`, `"..."` or `` `...` ``), Python's repr (`'...'`, `b'...'`), C's as strace prints it (`"..."`, octal and `\x`
 * escapes) and Go's `%#v` (`"..."`). Each literal is decoded to the text it holds.
 */

/** One literal found in a text: the text it holds, and where it ends in the text searched. */
export interface Literal {
  value: string;
  end: number;
}

const SIMPLE: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', v: '\v', '0': '\0', a: '\u0007', e: '\u001b' };

/** Decodes the escapes of a literal's inside: `\n`, `\'`, `\\`, `\x3C`, `\u00e9`, `\U0001F600`, C's octal `\303`. */
export function decodeEscapes(inner: string): string {
  return inner.replace(/\\(?:x([0-9a-fA-F]{2})|u\{([0-9a-fA-F]{1,6})\}|u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8})|([0-7]{1,3})|([\s\S]))/g, (_m, hex: string | undefined, braced: string | undefined, u4: string | undefined, u8: string | undefined, octal: string | undefined, other: string | undefined) => {
    const code = hex ?? braced ?? u4 ?? u8;
    if (code !== undefined) return String.fromCodePoint(parseInt(code, 16));
    if (octal !== undefined) return octal === '0' ? '\0' : String.fromCharCode(parseInt(octal, 8));
    const c = other ?? '';
    return c === '\n' ? '' : (SIMPLE[c] ?? c);
  });
}

/** A run of `\xHH` escapes: bytes, as Python's `b'...'` repr and loggers print UTF-8 text they do not decode. */
const BYTE_RUN = /(?:\\x[0-9a-fA-F]{2})+/g;

/** Like decodeEscapes, with each run of `\xHH` read as UTF-8 bytes (`\xE2\x80\x93` is one dash, not three letters). */
export function decodeByteEscapes(inner: string): string {
  return decodeEscapes(inner.replace(BYTE_RUN, (run) => Buffer.from(run.replace(/\\x/g, ''), 'hex').toString('utf8').replace(/\\/g, '\\\\')));
}

/**
 * The literal that starts at `from` (its opening quote, after an optional `b`/`u`/`r` prefix), or null when none
 * starts there or it is not closed on its line.
 */
export function literalAt(text: string, from: number): Literal | null {
  const prefix = /^[bBuU]?[rR]?|^[rR]?[bB]?/.exec(text.slice(from, from + 2))?.[0] ?? '';
  const open = from + prefix.length;
  const quote = text[open];
  if (quote !== "'" && quote !== '"' && quote !== '`') return null;
  const raw = /r/i.test(prefix);
  for (let at = open + 1; at < text.length; at += 1) {
    const c = text[at];
    if (c === '\\' && !raw) at += 1;
    else if (c === quote) {
      const inner = text.slice(open + 1, at);
      const decode = /b/i.test(prefix) ? decodeByteEscapes : decodeEscapes;
      return { value: raw ? inner : decode(inner), end: at + 1 };
    } else if (c === '\n' && quote !== '`') return null;
  }
  return null;
}

/**
 * Literals joined by `+` across lines, as Node prints a long string (`'<html>\n' +` then `'<head>...' +` ...), or
 * one literal; null when `from` starts none. `end` is after the last one.
 */
export function concatenatedAt(text: string, from: number): Literal | null {
  const first = literalAt(text, from);
  if (!first) return null;
  let last: Literal = first;
  let value = first.value;
  for (;;) {
    const next = /^[ \t]*\+[ \t]*\r?\n?[ \t]*/.exec(text.slice(last.end));
    const more: Literal | null = next ? literalAt(text, last.end + next[0].length) : null;
    if (!more) return { value, end: last.end };
    value += more.value;
    last = more;
  }
}
