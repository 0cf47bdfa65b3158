/**
 * Reads lines inside an input's wrappers: which wrappers an input's first lines carry (`wrapperChain`), and, line
 * by line, the line inside them (`Unwrapper`), partial records joined. Each wrapper of the chain is stripped when
 * the line carries it and skipped when not, so a file may mix wrapped and bare lines.
 */
import type { WrapperId } from '../../types.ts';
import { bosh } from './bosh.ts';
import { cfLogs } from './cf-logs.ts';
import { cloudwatchCsv } from './cloudwatch-csv.ts';
import { compose } from './compose.ts';
import { cri } from './cri.ts';
import { dockerDetails } from './docker-details.ts';
import { dockerJson } from './docker-json.ts';
import { emissary } from './emissary.ts';
import { fluentBitStdout } from './fluent-bit-stdout.ts';
import { gcpLogging } from './gcp-logging.ts';
import { grep } from './grep.ts';
import { fly } from './fly.ts';
import { heroku } from './heroku.ts';
import { indent } from './indent.ts';
import { inlineCode } from './inline-code.ts';
import { kail } from './kail.ts';
import { markdownQuote } from './markdown-quote.ts';
import { markdownBold } from './markdown-bold.ts';
import { kubectlPrefix, timestamps } from './kubectl.ts';
import { kubetail } from './kubetail.ts';
import { stern } from './stern.ts';
import { syslog, syslog5424 } from './syslog.ts';
import { WrappedLine, type Wrapper } from './wrapped-line.ts';

/**
 * One line per wrapper (the compiler asks for each id), in the order they are tried on a line, most specific first:
 * CRI and syslog lines also begin with a time; the loose ones last.
 */
const BY_ID: Record<WrapperId, Wrapper> = {
  'docker-json': dockerJson,
  cri,
  'syslog-5424': syslog5424,
  syslog,
  'kubectl-prefix': kubectlPrefix,
  kail,
  kubetail,
  compose,
  emissary,
  'cf-logs': cfLogs,
  bosh,
  heroku,
  fly,
  'gcp-logging': gcpLogging,
  'cloudwatch-csv': cloudwatchCsv,
  'fluent-bit-stdout': fluentBitStdout,
  timestamps,
  'docker-details': dockerDetails,
  stern,
  grep,
  indent,
  'inline-code': inlineCode,
  'markdown-quote': markdownQuote,
  'markdown-bold': markdownBold,
};
/** Wrappers tried on every line before the chain's, outside of it: one line of a paste may carry them and the others not. */
const ALWAYS: readonly Wrapper[] = [markdownQuote, inlineCode, markdownBold];
const WRAPPERS = Object.values(BY_ID).filter((w) => !ALWAYS.includes(w));
/** Wrappers around wrappers seen in the wild are 2 or 3 deep (journald around compose around forego). */
const MAX_DEPTH = 4;
/** Bytes of partial records kept for one line; pieces past this are dropped (the joined line misses them). */
const MAX_JOINED_BYTES = 1 << 20;

export interface LineView {
  buf: Buffer;
  text: string;
  start: number;
  end: number;
}

/** The wrappers of one line, outermost first; those stripped from any line (`ALWAYS`) are added to `pasted`. */
function wrappersOfLine(line: WrappedLine, pasted: Set<WrapperId>): WrapperId[] {
  for (const wrapper of ALWAYS) if (wrapper.strip(line)) pasted.add(wrapper.id);
  const found: WrapperId[] = [];
  while (found.length < MAX_DEPTH) {
    const wrapper = WRAPPERS.find((w) => w.strip(line));
    if (!wrapper) break;
    found.push(wrapper.id);
  }
  return found;
}

/**
 * The wrappers most sample lines carry (the deeper chain on a tie), outermost first; empty for bare lines. Lines
 * otherwise bare that a paste quoted or marked as code get those paste wrappers as their chain, so that they are
 * read inside them (bare input is read without an unwrapper).
 */
export function wrapperChain(sample: readonly LineView[]): WrapperId[] {
  const line = new WrappedLine();
  const pasted = new Set<WrapperId>();
  const counts = new Map<string, { chain: WrapperId[]; count: number }>();
  for (const { buf, text, start, end } of sample) {
    line.reset(buf, text, start, end);
    const chain = wrappersOfLine(line, pasted);
    const key = chain.join(' ');
    const seen = counts.get(key);
    if (seen) seen.count++;
    else counts.set(key, { chain, count: 1 });
  }
  let best: WrapperId[] = [];
  let bestCount = 0;
  for (const { chain, count } of counts.values()) {
    if (chain.length > 0 && (count > bestCount || (count === bestCount && chain.length > best.length))) [best, bestCount] = [chain, count];
  }
  return best.length > 0 ? best : ALWAYS.map((w) => w.id).filter((id) => pasted.has(id));
}

/** Wrappers whose shape a format's own field may have: the bare reading wins a tie against them (see detect.ts). */
export function isLooseChain(chain: readonly WrapperId[]): boolean {
  return chain.every((id) => BY_ID[id].loose);
}

/** One input's wrappers stripped line by line; `line` is the line inside them, with its wrappers' facts. */
export class Unwrapper {
  readonly line = new WrappedLine();
  private readonly wrappers: readonly Wrapper[];
  private pending: Buffer[] = [];
  private pendingBytes = 0;

  constructor(chain: readonly WrapperId[]) {
    this.wrappers = chain.map((id) => BY_ID[id]);
  }

  /** Reads one line; false when it is a partial record whose line continues in the next one (it is kept until then). */
  read(buf: Buffer, text: string, start: number, end: number): boolean {
    const line = this.line;
    line.reset(buf, text, start, end);
    for (const wrapper of ALWAYS) wrapper.strip(line);
    for (const wrapper of this.wrappers) wrapper.strip(line);
    if (line.partial) {
      if (this.pendingBytes < MAX_JOINED_BYTES) this.keep(line);
      return false;
    }
    if (this.pendingBytes > 0) this.join(line);
    return true;
  }

  private keep(line: WrappedLine): void {
    // Copied: its producer may reuse the chunk, and the next decoded line reuses the scratch buffer.
    this.pending.push(Buffer.from(line.buf.subarray(line.start, line.end)));
    this.pendingBytes += line.end - line.start;
  }

  private join(line: WrappedLine): void {
    this.keep(line);
    const joined = Buffer.concat(this.pending, this.pendingBytes);
    this.pending = [];
    this.pendingBytes = 0;
    line.replace(joined, joined.length);
  }
}

/** The sample's lines inside the chain's wrappers, partial records joined (for detection). */
export function unwrapSample(sample: readonly LineView[], chain: readonly WrapperId[]): LineView[] {
  const unwrapper = new Unwrapper(chain);
  const lines: LineView[] = [];
  for (const { buf, text, start, end } of sample) {
    if (!unwrapper.read(buf, text, start, end)) continue;
    const line = unwrapper.line;
    if (line.buf === buf) {
      lines.push({ buf, text, start: line.start, end: line.end });
      continue;
    }
    // Decoded or joined: copied, as the next line reuses the buffer.
    const own = Buffer.from(line.buf.subarray(line.start, line.end));
    lines.push({ buf: own, text: own.toString('latin1'), start: 0, end: own.length });
  }
  return lines;
}
