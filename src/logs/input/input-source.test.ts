import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { isHttpwhyError } from '../../errors.ts';
import { checkReadable, openInput } from './input-source.ts';

async function readAll(chunks: AsyncIterable<Buffer>): Promise<string> {
  let text = '';
  for await (const c of chunks) text += c.toString();
  return text;
}

describe('input sources', () => {
  it('stops waiting for a paused pipe after headWaitMs, and loses none of what comes later', async () => {
    const pipe = new PassThrough();
    pipe.write('first line\n');
    const opened = await openInput('-', '.', pipe, () => undefined, 100);
    expect(opened.head.toString()).toBe('first line\n');
    expect(opened.complete).toBe(false);
    // The read that was waiting when the peek gave up gets the next chunk.
    setTimeout(() => pipe.end('second line\n'), 50);
    expect(await readAll(opened.chunks)).toBe('first line\nsecond line\n');
  });

  it('without headWaitMs, waits for the whole head of a pipe', async () => {
    const pipe = new PassThrough();
    pipe.write('a\n');
    setTimeout(() => pipe.end('b\n'), 150);
    const opened = await openInput('-', '.', pipe, () => undefined);
    expect(opened.head.toString()).toBe('a\nb\n');
    expect(opened.complete).toBe(true);
    expect(await readAll(opened.chunks)).toBe('a\nb\n');
  });

  const dir = mkdtempSync(join(tmpdir(), 'httpwhy-input-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('checks files before reading: size, missing, directory', async () => {
    writeFileSync(join(dir, 'a.log'), 'hello\n');
    expect(await checkReadable('a.log', dir)).toBe(6);
    expect(await checkReadable('-', dir)).toBe(0);
    for (const [name, code] of [
      ['nope.log', 'HW_ERR_LOGS_FILE_NOT_FOUND'],
      ['a.log/x', 'HW_ERR_LOGS_FILE_NOT_FOUND'],
      ['.', 'HW_ERR_LOGS_FILE_UNREADABLE'],
    ]) {
      const error = await checkReadable(name as string, dir).catch((e: unknown) => e);
      expect(isHttpwhyError(error) && error.code).toBe(code);
    }
  });

  it('peeks the head and replays it, gunzipping by magic bytes, counting raw bytes', async () => {
    const text = 'line one\nline two\n';
    const gz = gzipSync(text);
    writeFileSync(join(dir, 'b.data'), gz);
    let raw = 0;
    const file = await openInput('b.data', dir, Readable.from([]), (n) => (raw += n));
    expect([file.gzip, file.complete, file.head.toString()]).toEqual([true, true, text]);
    expect(await readAll(file.chunks)).toBe(text);
    expect(raw).toBe(gz.length);
    await file.file?.close();
    const stdin = await openInput('-', dir, Readable.from(['str', 'ing\n']), () => undefined);
    expect([stdin.gzip, await readAll(stdin.chunks)]).toEqual([false, 'string\n']);
  });

  it('reads a regular file whole across many reads, and lets the event loop run while it does', async () => {
    const line = `${'x'.repeat(99)}\n`;
    const text = line.repeat(90_000); // 9 MB: more reads than one stretch without yielding
    writeFileSync(join(dir, 'big.log'), text);
    const events: string[] = [];
    const file = await openInput('big.log', dir, Readable.from([]), () => undefined);
    setImmediate(() => events.push('event loop'));
    let bytes = 0;
    let same = true;
    for await (const chunk of file.chunks) {
      same &&= chunk.toString() === text.slice(bytes, bytes + chunk.length);
      bytes += chunk.length;
    }
    events.push('read');
    await file.file?.close();
    expect([bytes, same, events]).toEqual([text.length, true, ['event loop', 'read']]);
  });

  it('reads a FIFO without blocking the process while its writer pauses', async () => {
    const fifo = join(dir, 'pipe.log');
    execFileSync('mkfifo', [fifo]);
    // The writer lives in this process: a read that blocked the thread would never let it write.
    const writer = createWriteStream(fifo);
    writer.write('a\n');
    setTimeout(() => writer.end('b\n'), 100);
    const opened = await openInput('pipe.log', dir, Readable.from([]), () => undefined);
    expect(await readAll(opened.chunks)).toBe('a\nb\n');
    await opened.file?.close();
  });
});
