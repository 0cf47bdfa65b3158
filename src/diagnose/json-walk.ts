/** Reading JSON text that may be cut off or surrounded by words: where its structure is, and whether it parses. */

/**
 * Walks JSON text from `from`, strings and escapes respected, calling `visit` with each bracket and comma outside a
 * string and the depth after it; stops where `visit` says so. Returns where it stopped (-1: the end), whether the text
 * ended inside a string, and the depth there.
 */
export function walkStructure(
  text: string,
  from: number,
  visit: (mark: string, depth: number, at: number) => boolean,
): { stop: number; inString: boolean; depth: number } {
  let depth = 0;
  let inString = false;
  for (let at = from; at < text.length; at += 1) {
    const c = text[at] ?? '';
    if (inString) {
      if (c === '\\') at += 1;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[' || c === '}' || c === ']' || c === ',') {
      if (c !== ',') depth += c === '{' || c === '[' ? 1 : -1;
      if (visit(c, depth, at)) return { stop: at, inString, depth };
    }
  }
  return { stop: -1, inString, depth };
}

/** The value the text holds as JSON, or undefined when it is no JSON (no JSON text parses to undefined). */
export function jsonValueOf(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export function parsesAsJson(text: string): boolean {
  return jsonValueOf(text) !== undefined;
}
