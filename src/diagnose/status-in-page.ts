/**
 * The status an error page names in its own words, for pastes without a status line: "502 Bad Gateway" (nginx),
 * "Error 522" and "Error code 524" (Cloudflare), "HTTP ERROR 500" (Chrome), "HTTP Error 503." (IIS),
 * "(type=Internal Server Error, status=500)" (Spring), "404. That’s an error." (Google), or a registry reason phrase
 * alone on a line ("Service Unavailable", Apache). A number only counts in such a phrase, never alone: pages also
 * carry ports, versions and request ids.
 */
import { listCodes } from '../codes/index.ts';

export interface PageStatus {
  status: number;
  reason: string;
}

/** "<code> <Capitalised Words>" or "<code>." at the start of a line. */
const LEADING_CODE = /^(\d{3})(?:\.(?=\s|$)|\s+[-:]?\s*([A-Z][A-Za-z'’-]*(?:\s+[A-Za-z'’-]+){0,5}))\s*[.!]?(?:\s|$)/;
/** A code inside a phrase that names it as the status. */
const NAMED_CODE = /\b(?:HTTP ERROR|HTTP Error|Error code:?|Error|Status code:?|Status:|status=)\s*(\d{3})(?:\.\d+)?\b/;

const isStatus = (n: number) => n >= 400 && n <= 599;
const wordsOf = (s: string) => s.toLowerCase().replace(/[^a-z]+/g, ' ').trim();

let reasons: Map<string, PageStatus> | undefined;

/** Registry reason phrases of 4xx and 5xx, by their words: "service unavailable" -> 503. */
function reasonPhrases(): Map<string, PageStatus> {
  reasons ??= new Map(listCodes({ standing: 'iana' }).filter((e) => isStatus(e.code)).map((e) => [wordsOf(e.reason), { status: e.code, reason: e.reason }]));
  return reasons;
}

function fromLine(line: string): PageStatus | null {
  const leading = LEADING_CODE.exec(line);
  if (leading && isStatus(Number(leading[1]))) return { status: Number(leading[1]), reason: leading[2] ?? '' };
  const named = NAMED_CODE.exec(line);
  if (named && isStatus(Number(named[1]))) return { status: Number(named[1]), reason: '' };
  return reasonPhrases().get(wordsOf(line)) ?? null;
}

/** The first status the lines name (the title first, when the page has one), or null. */
export function statusInPage(lines: readonly string[]): PageStatus | null {
  for (const line of lines) {
    const found = fromLine(line.trim());
    if (found) return found;
  }
  return null;
}
