/**
 * Opens log inputs: files, `-` for stdin, gzip (detected by its magic bytes, so `.gz` files and gzipped stdin
 * both work), UTF-16 and UTF-8 with a byte-order mark (text-encoding.ts). The first bytes are peeked for format
 * detection and replayed, so every input is read once.
 */
import { readSync } from 'node:fs';
import { access, constants, open, stat, type FileHandle } from 'node:fs/promises';
import { resolve } from 'node:path';
import { setImmediate as yieldToEventLoop, setTimeout as sleep } from 'node:timers/promises';
import type { Readable } from 'node:stream';
import { Readable as ReadableStream } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { HttpwhyError } from '../../errors.ts';
import { jsonDocumentKind, jsonDocumentRecords } from './json-document.ts';
import { asUtf8, byteOrderMark } from './text-encoding.ts';

const PEEK_BYTES = 64 * 1024;
/**
 * Bytes per read: fewer, larger reads cost less per line, but each chunk also becomes one latin1 string
 * (line-splitter.ts), and V8 puts strings over 128 KiB in large-object space, whose allocation costs more than
 * the reads saved (measured: 256 KiB chunks spent 4x longer in toString than 64 KiB ones).
 */
const READ_CHUNK = 120 * 1024;

export interface OpenedInput {
  /** The path as given, or `-` for stdin. */
  name: string;
  gzip: boolean;
  /** True when the input is one JSON document (an array of records, pretty-printed objects): its records are read as lines. */
  document: boolean;
  /** The first decompressed bytes, for format detection. */
  head: Buffer;
  /** True when `head` is the whole input. */
  complete: boolean;
  /** Every decompressed chunk, `head` included. */
  chunks: AsyncIterable<Buffer>;
  /** The open file (null for stdin); left open after `chunks` end, for follow mode. The caller closes it. */
  file: FileHandle | null;
}

/** Throws HW_ERR_LOGS_FILE_NOT_FOUND / HW_ERR_LOGS_FILE_UNREADABLE before anything is read. */
export async function checkReadable(name: string, cwd: string): Promise<number> {
  if (name === '-') return 0;
  const path = resolve(cwd, name);
  let size: number;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new HttpwhyError('HW_ERR_LOGS_FILE_UNREADABLE', `${name} is a directory, not a log file.`, { file: name });
    size = info.isFile() ? info.size : 0;
    await access(path, constants.R_OK);
  } catch (error) {
    if (error instanceof HttpwhyError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new HttpwhyError('HW_ERR_LOGS_FILE_NOT_FOUND', `${name}: no such file.`, { file: name });
    }
    throw new HttpwhyError('HW_ERR_LOGS_FILE_UNREADABLE', `${name} cannot be read (${code ?? 'error'}).`, { file: name });
  }
  return size;
}

/** Counts raw bytes; string chunks (a stdin with an encoding set) become bytes again. */
async function* counted(source: AsyncIterable<Buffer | string>, onRawBytes: (n: number) => void): AsyncGenerator<Buffer> {
  for await (const chunk of source) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    onRawBytes(bytes.length);
    yield bytes;
  }
}

/** A regular file's reads yield to the event loop this often (8 MB), so signals, I/O and timers still get a turn. */
const CHUNKS_PER_YIELD = 64;

/**
 * A regular file's chunks, read synchronously: its reads wait for nothing but the page cache or the disk, and a
 * thread-pool read costs a hand-off per chunk. On one core, where the parser cannot run during the read anyway,
 * 1M lines took 0.83 s instead of 0.89 s this way (best of 8 alternating runs); on two cores it made no
 * measurable difference.
 */
async function* regularFileChunks(file: FileHandle): AsyncGenerator<Buffer> {
  for (let n = 1; ; n++) {
    const buffer = Buffer.allocUnsafe(READ_CHUNK);
    const bytesRead = readSync(file.fd, buffer, 0, READ_CHUNK, null);
    if (bytesRead === 0) return;
    yield buffer.subarray(0, bytesRead);
    if (n % CHUNKS_PER_YIELD === 0) await yieldToEventLoop();
  }
}

/**
 * The chunks of any other file (a FIFO, `<(zcat …)`, a device), which may wait for a writer: each read (on
 * libuv's thread pool) runs while the one before is being parsed. (A read stream asks for the next chunk only
 * once the last one is taken.) Every chunk is a fresh buffer here and above: consumers may keep one (format
 * detection keeps the first).
 */
async function* prefetchedChunks(file: FileHandle): AsyncGenerator<Buffer> {
  const read = () => file.read(Buffer.allocUnsafe(READ_CHUNK), 0, READ_CHUNK, null);
  let next = read();
  try {
    for (;;) {
      const { bytesRead, buffer } = await next;
      if (bytesRead === 0) return;
      next = read();
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    // Stopped early (an error downstream): let the read in flight finish before the caller closes the file.
    await next.catch(() => undefined);
  }
}

interface Peeked {
  head: Buffer[];
  rest: AsyncIterator<Buffer>;
  /** A read started during the peek and not yet answered (the wait ran out): it comes right after `head`. */
  pending: Promise<IteratorResult<Buffer>> | null;
  complete: boolean;
}

async function* replay({ head, rest, pending }: Peeked): AsyncGenerator<Buffer> {
  yield* head;
  if (pending) {
    const r = await pending;
    if (r.done) return;
    yield r.value;
  }
  for (let r = await rest.next(); !r.done; r = await rest.next()) yield r.value;
}

const WAITED = Symbol('waited');

/** Resolves to WAITED after `ms`, unless `cancel` aborts first (so no timer outlives the peek). */
function waited(ms: number, cancel: AbortSignal): Promise<typeof WAITED> {
  return sleep(ms, WAITED, { signal: cancel }).catch(() => WAITED);
}

/**
 * The first PEEK_BYTES (or all, if less) for format detection. With `waitMs`, a source that sends nothing more
 * for that long ends the peek early: a live pipe (`tail -f … |` in follow mode) may pause for as long as it likes,
 * and everything else would wait for it. The read then in flight is kept in `pending`, so no chunk is lost.
 */
async function peek(source: AsyncIterable<Buffer>, waitMs: number | undefined): Promise<Peeked> {
  const rest = source[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  let bytes = 0;
  while (bytes < PEEK_BYTES) {
    const pending = rest.next();
    let r: IteratorResult<Buffer> | typeof WAITED;
    if (waitMs === undefined) {
      r = await pending;
    } else {
      const cancel = new AbortController();
      r = await Promise.race([pending, waited(waitMs, cancel.signal)]);
      cancel.abort();
    }
    if (r === WAITED) {
      // Whoever reads on gets its error from replay(); until then a failing read must not count as unhandled.
      pending.catch(() => undefined);
      return { head, rest, pending, complete: false };
    }
    if (r.done) return { head, rest, pending: null, complete: true };
    head.push(r.value);
    bytes += r.value.length;
  }
  return { head, rest, pending: null, complete: false };
}

function isGzip(head: Buffer[]): boolean {
  const first = head[0];
  return first !== undefined && first.length >= 2 && first[0] === 0x1f && first[1] === 0x8b;
}

/**
 * Opens one input. `onRawBytes` sees the bytes as stored (compressed for gzip), for progress.
 * Read errors later on surface from iterating `chunks`.
 */
export async function openInput(name: string, cwd: string, stdin: Readable, onRawBytes: (n: number) => void, headWaitMs?: number): Promise<OpenedInput> {
  const file = name === '-' ? null : await open(resolve(cwd, name), 'r');
  try {
    const chunks = file ? ((await file.stat()).isFile() ? regularFileChunks(file) : prefetchedChunks(file)) : stdin;
    return await openSource(name, file, chunks, onRawBytes, headWaitMs);
  } catch (error) {
    await file?.close();
    throw error;
  }
}

/** Peeks the head of an opened source, gunzips it when the head says gzip, and transcodes it when a byte-order mark says UTF-16. */
async function openSource(name: string, file: FileHandle | null, raw: AsyncIterable<Buffer | string>, onRawBytes: (n: number) => void, waitMs: number | undefined): Promise<OpenedInput> {
  const peeked = await peek(counted(raw, onRawBytes), waitMs);
  const gzip = isGzip(peeked.head);
  let chunks: AsyncIterable<Buffer> = replay(peeked);
  let headChunks = peeked.head;
  let complete = peeked.complete;
  if (gzip) {
    const gunzip = createGunzip({ chunkSize: 256 * 1024 });
    const compressed = ReadableStream.from(chunks);
    compressed.on('error', (error: Error) => gunzip.destroy(error));
    compressed.pipe(gunzip);
    const inner = await peek(gunzip, waitMs);
    headChunks = inner.head;
    complete = inner.complete;
    chunks = replay(inner);
  }
  const encoding = byteOrderMark(Buffer.concat(headChunks.slice(0, 2)));
  if (encoding) {
    const text = await peek(asUtf8(chunks, encoding), waitMs);
    headChunks = text.head;
    complete = text.complete;
    chunks = replay(text);
  }
  const kind = jsonDocumentKind(Buffer.concat(headChunks));
  if (kind) {
    const records = await peek(jsonDocumentRecords(chunks, kind), waitMs);
    headChunks = records.head;
    complete = records.complete;
    chunks = replay(records);
  }
  const head = Buffer.concat(headChunks);
  return { name, gzip, document: kind !== null, head, complete, chunks, file };
}
