/**
 * One regular file in follow mode (`-f`). The file stays open between polls, which tells a rotation (the path
 * now names another file: renamed or removed, then created again) from a truncation (the same file, now
 * shorter or rewritten from its start, as logrotate's copytruncate does). After a rotation the old file is
 * read to its end, then the new one from its start; after a truncation the file is read again from offset 0.
 */
import { open, stat, type FileHandle } from 'node:fs/promises';

const CHUNK = 1 << 16;
/** Bytes before the read offset kept to notice a file rewritten past its old size. */
const MARK_BYTES = 32;

export type Restart = 'rotated' | 'truncated';

export class FollowedFile {
  private readonly path: string;
  private handle: FileHandle;
  private offset: number;
  private mark = Buffer.alloc(0);
  private readonly onBytes: (n: number) => void;

  /** `handle` is open on `path` and was read up to `offset`. */
  constructor(path: string, handle: FileHandle, offset: number, onBytes: (n: number) => void) {
    this.path = path;
    this.handle = handle;
    this.offset = offset;
    this.onBytes = onBytes;
  }

  /** Yields the bytes added since the last call; calls `restart` before the bytes of a new or truncated file. */
  async *read(restart: (why: Restart) => void): AsyncGenerator<Buffer> {
    const own = await this.handle.stat();
    const current = await stat(this.path).catch(() => null);
    const rotated = current !== null && (current.ino !== own.ino || current.dev !== own.dev);
    if (!rotated && (await this.truncated(own.size))) {
      restart('truncated');
      this.offset = 0;
      this.mark = Buffer.alloc(0);
    }
    yield* this.drain();
    if (!rotated) return;
    // Removed again before it could be opened: the next poll tries again.
    const next = await open(this.path, 'r').catch(() => null);
    if (!next) return;
    await this.handle.close();
    this.handle = next;
    this.offset = 0;
    this.mark = Buffer.alloc(0);
    restart('rotated');
    yield* this.drain();
  }

  close(): Promise<void> {
    return this.handle.close();
  }

  /** Shorter than what was read, or the bytes just before the offset changed. */
  private async truncated(size: number): Promise<boolean> {
    if (size < this.offset) return true;
    const length = Math.min(MARK_BYTES, this.offset);
    const now = Buffer.alloc(length);
    await this.handle.read(now, 0, length, this.offset - length);
    if (this.mark.length === 0) {
      // First poll: remember what the first pass ended with.
      this.mark = now;
      return false;
    }
    return !now.equals(this.mark);
  }

  private async *drain(): AsyncGenerator<Buffer> {
    for (;;) {
      const buffer = Buffer.allocUnsafe(CHUNK);
      const { bytesRead } = await this.handle.read(buffer, 0, CHUNK, this.offset);
      if (bytesRead === 0) return;
      this.offset += bytesRead;
      this.onBytes(bytesRead);
      const chunk = buffer.subarray(0, bytesRead);
      // A copy: the mark must not keep the whole chunk alive.
      this.mark = Buffer.from(Buffer.concat([this.mark, chunk.subarray(-MARK_BYTES)]).subarray(-MARK_BYTES));
      yield chunk;
    }
  }
}
