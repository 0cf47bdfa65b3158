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

/** A line of the input, or a run of them joined into one entry: where it starts and how many lines it spans. */
export interface RejoinedRun {
  view: LineView;
  from: number;
  count: number;
}

/**
 * The lines with each run of them that one of `parsers` reads once joined made one line. A run holds no line that
 * reads on its own, and the longest that reads is taken (a format with optional trailing fields reads a part already).
 */
export function rejoinRuns(lines: readonly LineView[], parsers: readonly LineParser[]): RejoinedRun[] {
  const alone = lines.map((view) => readsEntry(parsers, view));
  const out: RejoinedRun[] = [];
  for (let i = 0; i < lines.length; ) {
    let run = 0;
    while (run < MAX_PIECES && i + run < lines.length && !alone[i + run]) run++;
    let found: RejoinedRun | null = null;
    for (let n = run; n >= 2 && !found; n--) {
      const pieces = lines.slice(i, i + n).map((l) => l.buf.subarray(l.start, l.end));
      const view = ([' ', ''] as const).map((separator) => viewOf(joinLines(pieces, separator))).find((v) => readsEntry(parsers, v));
      if (view) found = { view, from: i, count: n };
    }
    found ??= { view: lines[i] as LineView, from: i, count: 1 };
    out.push(found);
    i += found.count;
  }
  return out;
}

/** The sample with its broken entries joined, when they cover at least half of it; null otherwise. */
export function rejoinedSample(sample: readonly LineView[], options: ParserOptions): LineView[] | null {
  const runs = rejoinRuns(
    sample,
    PROXY_FORMATS.map((format) => createParser(format, options)),
  );
  const covered = runs.reduce((sum, r) => sum + (r.count > 1 ? r.count : 0), 0);
  return covered >= sample.length * COVERED_SHARE ? runs.map((r) => r.view) : null;
}
