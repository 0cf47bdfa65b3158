/**
 * A JSON object cut off where a paste ended: people copy a long log line (Caddy's error line with its request and
 * headers) only up to the part they read, ending at a comma or mid-field. The object is read as far as its last
 * complete top-level member, which is what the paste shows; nothing after the cut is guessed.
 */
import { parsesAsJson, walkStructure } from './json-walk.ts';

/** How many of the last top-level member ends are tried (a long line is cut once, near its end). */
const CANDIDATES = 3;

/**
 * Where the top-level members end: each comma between them, and the end of the text when it ends one. None when the
 * object closes (an object with text after it, a shell's `%` at the end, is read as such elsewhere, not as a cut).
 */
function memberEnds(text: string): number[] {
  const ends: number[] = [];
  const { inString, depth } = walkStructure(text, 0, (mark, markDepth, at) => {
    if (mark === ',' && markDepth === 1) ends.push(at);
    return false;
  });
  if (depth < 1) return [];
  if (depth === 1 && !inString) ends.push(text.length);
  return ends;
}

/**
 * The text closed after its last complete top-level member when it is one JSON object (on one line) cut off there
 * or later; null when it is no such cut (whole JSON, more than one line, or no complete member with a value).
 */
export function closeCutObject(text: string): string | null {
  const line = text.trim();
  if (!line.startsWith('{') || line.includes('\n') || parsesAsJson(line)) return null;
  for (const end of memberEnds(line).toReversed().slice(0, CANDIDATES)) {
    const closed = `${line.slice(0, end).trimEnd()}}`;
    try {
      const value: unknown = JSON.parse(closed);
      if (typeof value === 'object' && value !== null && Object.keys(value).length >= 2) return closed;
    } catch {
      // Cut inside a member: try the one before.
    }
  }
  return null;
}
