/**
 * Detection for an input whose entries a paste or a page broke over lines (AWS's documentation prints each ALB entry
 * over six lines; an issue's text wraps a JSON record): runs of sample lines that one proxy format reads once joined,
 * the break standing for a blank or falling inside a value. The reader joins them the same way (../broken-entries.ts).
 */
import { KIND, type LineParser } from './line-parser.ts';
import { createParser, PROXY_FORMATS, type ParserOptions } from './registry.ts';
import { joinLines } from '../broken-entries.ts';
import type { LineView } from './wrappers/index.ts';

/** An entry is broken over this many lines at most (as the reader joins them). */
const MAX_PIECES = 6;
/** Share of the sample lines the joined entries must cover. */
const COVERED_SHARE = 0.5;

const viewOf = (buf: Buffer): LineView => ({ buf, text: buf.toString('latin1'), start: 0, end: buf.length });

const readsEntry = (parsers: readonly LineParser[], view: LineView) =>
  parsers.some((p) => {
    const kind = p.parse(view.buf, view.text, view.start, view.end);
    return kind === KIND.access || kind === KIND.proxyError;
  });

/**
 * The sample with each run of lines that a proxy format reads once joined made one line, when such runs cover at
 * least half of it; null otherwise (an input whose lines are whole, or not a proxy's). A run holds no line that reads
 * on its own, and the longest that reads is taken (a format with optional trailing fields reads a part already).
 */
export function rejoinedSample(sample: readonly LineView[], options: ParserOptions): LineView[] | null {
  const parsers = PROXY_FORMATS.map((format) => createParser(format, options));
  const alone = sample.map((view) => readsEntry(parsers, view));
  const out: LineView[] = [];
  let covered = 0;
  for (let i = 0; i < sample.length; ) {
    let run = 0;
    while (run < MAX_PIECES && i + run < sample.length && !alone[i + run]) run++;
    let taken: LineView | null = null;
    let n = run;
    for (; n >= 2 && !taken; n--) {
      const pieces = sample.slice(i, i + n).map((l) => l.buf.subarray(l.start, l.end));
      taken = ([' ', ''] as const).map((separator) => viewOf(joinLines(pieces, separator))).find((view) => readsEntry(parsers, view)) ?? null;
    }
    if (!taken) {
      out.push(sample[i] as LineView);
      i++;
      continue;
    }
    out.push(taken);
    covered += n + 1;
    i += n + 1;
  }
  return covered >= sample.length * COVERED_SHARE ? out : null;
}
