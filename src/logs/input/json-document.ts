/**
 * Log records inside one JSON document instead of one per line: what `gcloud logging read --format=json` and the
 * Cloud Logging console's download write (an array of entries, pretty-printed), what `jq .` makes of a JSON-lines
 * log (objects over many lines each), and the batches Azure Monitor streams to Event Hubs and wrote to storage before
 * November 2018 (`{"records": [...]}`), or Cloud Logging's API answers (`{"entries": [...]}`). Each record becomes one
 * line, so the line readers and their detection work unchanged. Line ends inside a JSON document are whitespace
 * between tokens (a string cannot hold a raw one), so a record is joined by turning them into blanks.
 */

/** How the records sit in the document: an array's elements, or top-level objects (and the batches' arrays). */
export type JsonDocumentKind = 'array' | 'objects';

/** The keys of a wrapper object whose array holds the records. */
const BATCH_KEYS = new Set(['records', 'entries']);
const BATCH_OPENING = /^\{\s*"(?:records|entries)"\s*:\s*\[/;
/** Records are handed on in chunks of about this size. */
const OUT_CHUNK = 64 * 1024;

const isBlank = (c: number | undefined): boolean => c === 32 || c === 9 || c === 10 || c === 13;

/**
 * Whether the head starts such a document: an array whose first element is an object, an object alone on its first
 * line (pretty-printed), or a batch object. A log of one JSON object per line is none: its lines read as they are.
 */
export function jsonDocumentKind(head: Buffer): JsonDocumentKind | null {
  let i = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  while (i < head.length && isBlank(head[i])) i++;
  const first = head[i];
  if (first === 0x5b) {
    let j = i + 1;
    while (j < head.length && isBlank(head[j])) j++;
    return head[j] === 0x7b ? 'array' : null;
  }
  if (first !== 0x7b) return null;
  const lineEnd = head.indexOf(10, i);
  const firstLine = head.toString('latin1', i, lineEnd === -1 ? head.length : lineEnd).trim();
  if (firstLine === '{') return 'objects';
  return BATCH_OPENING.test(head.toString('latin1', i, Math.min(head.length, i + 64))) ? 'objects' : null;
}

/** Scans a JSON document byte by byte and collects each record, line ends turned into blanks. */
class RecordScanner {
  private depth = 0;
  private inString = false;
  private escaped = false;
  /** The depth at which records open: 1 in an array, 0 for top-level objects, 2 inside a batch's array. */
  private recordDepth: number;
  /** The depth-1 key last read in a top-level object (to find a batch's array). */
  private key = '';
  private keyBytes: number[] | null = null;
  /** The bytes of the record being read, in pieces; null between records. */
  private record: Buffer[] | null = null;
  private recordStart = 0;
  /** Bytes scanned before the current chunk, and where the current record opened in the whole input. */
  private scanned = 0;
  private openedAt = 0;
  private readonly kind: JsonDocumentKind;
  private readonly onRecord: (record: Buffer, offset: number) => void;

  constructor(kind: JsonDocumentKind, onRecord: (record: Buffer, offset: number) => void) {
    this.kind = kind;
    this.onRecord = onRecord;
    this.recordDepth = kind === 'array' ? 1 : 0;
  }

  /** Scans one chunk, handing on each record it completes. */
  push(chunk: Buffer): void {
    this.recordStart = 0;
    for (let i = 0; i < chunk.length; i++) this.step(chunk, i, chunk[i] as number);
    if (this.record) this.record.push(blanked(chunk.subarray(this.recordStart)));
    this.scanned += chunk.length;
  }

  /** At the end: a record cut off by the end of the input is handed on as it is. */
  end(): void {
    if (this.record && this.record.length > 0) this.onRecord(Buffer.concat(this.record), this.openedAt);
    this.record = null;
  }

  private step(chunk: Buffer, i: number, c: number): void {
    if (this.inString) {
      if (this.escaped) this.escaped = false;
      else if (c === 0x5c) this.escaped = true;
      else if (c === 0x22) {
        this.inString = false;
        if (this.keyBytes) this.key = Buffer.from(this.keyBytes).toString('utf8');
        this.keyBytes = null;
      } else if (this.keyBytes && this.keyBytes.length < 32) this.keyBytes.push(c);
      return;
    }
    if (c === 0x22) {
      this.inString = true;
      if (this.kind === 'objects' && this.depth === 1 && this.record !== null && this.recordDepth === 0) this.keyBytes = [];
      if (this.record === null && this.depth === this.recordDepth) this.open(i);
      return;
    }
    if (c === 0x7b || c === 0x5b) {
      if (c === 0x5b && this.recordDepth === 0 && this.depth === 1 && BATCH_KEYS.has(this.key)) {
        // A batch: its array's elements are the records, the wrapper object is dropped.
        this.record = null;
        this.recordDepth = 2;
        this.depth++;
        return;
      }
      if (this.record === null && this.depth === this.recordDepth) this.open(i);
      this.depth++;
      return;
    }
    if (c === 0x7d || c === 0x5d) {
      this.depth = Math.max(0, this.depth - 1);
      if (this.record !== null && this.depth === this.recordDepth) this.close(chunk, i + 1);
      // The end of a batch's array: later top-level objects are records again, or batches.
      if (this.recordDepth === 2 && this.depth === 1 && c === 0x5d) this.recordDepth = 0;
      return;
    }
    if (this.record === null && this.depth === this.recordDepth && !isBlank(c) && c !== 0x2c && c !== 0x3a) this.open(i);
    else if (this.record !== null && this.depth === this.recordDepth && (c === 0x2c || isBlank(c))) this.close(chunk, i);
  }

  private open(i: number): void {
    this.record = [];
    this.recordStart = i;
    this.openedAt = this.scanned + i;
    this.key = '';
  }

  private close(chunk: Buffer, end: number): void {
    const record = this.record as Buffer[];
    record.push(blanked(chunk.subarray(this.recordStart, end)));
    this.onRecord(Buffer.concat(record), this.openedAt);
    this.record = null;
  }
}

const NEWLINE = Buffer.from('\n');

/** A copy of the bytes with CR and LF as blanks. */
function blanked(bytes: Buffer): Buffer {
  const copy = Buffer.from(bytes);
  for (let i = copy.indexOf(10); i !== -1; i = copy.indexOf(10, i + 1)) copy[i] = 32;
  for (let i = copy.indexOf(13); i !== -1; i = copy.indexOf(13, i + 1)) copy[i] = 32;
  return copy;
}

/** The document's records, one per line, in chunks of about OUT_CHUNK bytes. */
export async function* jsonDocumentRecords(chunks: AsyncIterable<Buffer>, kind: JsonDocumentKind): AsyncGenerator<Buffer> {
  let out: Buffer[] = [];
  let outBytes = 0;
  const scanner = new RecordScanner(kind, (record) => {
    out.push(record, NEWLINE);
    outBytes += record.length + 1;
  });
  const take = (): Buffer => {
    const joined = Buffer.concat(out);
    out = [];
    outBytes = 0;
    return joined;
  };
  for await (const chunk of chunks) {
    scanner.push(chunk);
    if (outBytes >= OUT_CHUNK) yield take();
  }
  scanner.end();
  if (outBytes > 0) yield take();
}

/**
 * A pasted JSON document with each record on the line where it starts and the lines it spanned left blank, so that
 * line numbers stay the paste's; null when the text is no such document.
 */
export function jsonDocumentAsLines(text: string): string | null {
  const bytes = Buffer.from(text);
  const kind = jsonDocumentKind(bytes);
  if (kind === null) return null;
  const lines = text.split('\n').map(() => '');
  let line = 0;
  let counted = 0;
  const scanner = new RecordScanner(kind, (record, offset) => {
    for (let nl = bytes.indexOf(10, counted); nl !== -1 && nl < offset; nl = bytes.indexOf(10, nl + 1)) line++;
    counted = offset;
    lines[line] = record.toString('utf8');
  });
  scanner.push(bytes);
  scanner.end();
  return lines.join('\n');
}
