/**
 * Entries a paste or a page broke over lines: an issue's text wrapped at a user agent, AWS's documentation printing
 * each ALB entry over six lines, a JSON record cut inside a key. Lines that no parser reads are kept (a few, copied);
 * when the next unread lines complete them, the parts are read as one entry, the break standing for the blank between
 * two values or falling inside one. An entry that reads once joined is held while the lines after it, unread on their
 * own, still extend it (a format with optional trailing fields reads a part of the entry already). Lines nothing
 * completes are skipped as before, in their order.
 */

/** One line no parser read, copied (the reader's chunk is reused). */
export interface UnreadLine {
  bytes: Buffer;
  lineNo: number;
  final: boolean;
}

/** An entry is broken over this many lines at most (AWS's documentation uses six). */
const MAX_PIECES = 6;
/** Bytes kept for the pieces; a longer run of unread lines is no broken entry. */
const MAX_BYTES = 64 * 1024;

/** Lines joined into one entry: the break a blank between two values, or inside one. */
export function joinLines(lines: readonly Buffer[], separator: ' ' | ''): Buffer {
  const parts = lines.map((bytes, i) => {
    let start = 0;
    let end = bytes.length;
    if (i > 0) while (start < end && (bytes[start] === 32 || bytes[start] === 9)) start++;
    if (i < lines.length - 1) while (end > start && (bytes[end - 1] === 32 || bytes[end - 1] === 9 || bytes[end - 1] === 13)) end--;
    return bytes.subarray(start, end);
  });
  return separator === '' ? Buffer.concat(parts) : Buffer.concat(parts.flatMap((p, i) => (i === 0 ? [p] : [SPACE, p])));
}

const SPACE = Buffer.from(' ');

/** A joined entry to try, and the unread lines it is made of. */
export interface Rejoined {
  bytes: Buffer;
  lines: UnreadLine[];
  separator: ' ' | '';
}

export class BrokenEntries {
  private pieces: UnreadLine[] = [];
  private bytes = 0;
  /** The entry the kept lines make once joined, while later lines may still extend it. */
  held: Rejoined | null = null;

  /** Whether lines are kept (unread ones, or a held entry). */
  get pending(): boolean {
    return this.pieces.length > 0 || this.held !== null;
  }

  /** The entries `line` may complete: every run of kept lines up to it, joined with a blank and without. */
  *candidates(line: UnreadLine): Generator<Rejoined> {
    for (let from = 0; from < this.pieces.length; from++) {
      const lines = [...this.pieces.slice(from), line];
      for (const separator of [' ', ''] as const) yield { bytes: joinLines(lines.map((l) => l.bytes), separator), lines, separator };
    }
  }

  /** The held entry with `line` after it, joined as the held one was; null when none is held or it is full. */
  extension(line: UnreadLine): Rejoined | null {
    if (!this.held || this.held.lines.length >= MAX_PIECES) return null;
    const lines = [...this.held.lines, line];
    return { bytes: joinLines(lines.map((l) => l.bytes), this.held.separator), lines, separator: this.held.separator };
  }

  /** Holds `rejoined`; returns the kept lines before its first, which no entry can use now. */
  hold(rejoined: Rejoined): UnreadLine[] {
    const first = rejoined.lines[0];
    const at = first ? this.pieces.indexOf(first) : -1;
    const before = at < 0 ? [] : this.pieces.slice(0, at);
    this.pieces = [];
    this.bytes = 0;
    this.held = rejoined;
    return before;
  }

  /** Keeps an unread line; returns the kept lines that fell out (too many or too long to be one entry). */
  keep(line: UnreadLine): UnreadLine[] {
    this.pieces.push(line);
    this.bytes += line.bytes.length;
    const dropped: UnreadLine[] = [];
    while (this.pieces.length > MAX_PIECES || (this.bytes > MAX_BYTES && this.pieces.length > 0)) {
      const oldest = this.pieces.shift() as UnreadLine;
      this.bytes -= oldest.bytes.length;
      dropped.push(oldest);
    }
    return dropped;
  }

  /** Every kept unread line, in order, to be skipped (the held entry stays). */
  drain(): UnreadLine[] {
    const all = this.pieces;
    this.pieces = [];
    this.bytes = 0;
    return all;
  }
}
