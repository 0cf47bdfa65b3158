import { appendFileSync, mkdtempSync, renameSync, rmSync, truncateSync, unlinkSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FollowedFile, type Restart } from './followed-file.ts';

/** What one poll produced: text read, with `|rotated|` / `|truncated|` where the reader started over. */
async function poll(file: FollowedFile): Promise<string> {
  let out = '';
  for await (const chunk of file.read((why: Restart) => (out += `|${why}|`))) out += chunk.toString();
  return out;
}

describe('FollowedFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'httpwhy-follow-file-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  let n = 0;
  /** A file with `text`, followed from its end as after the first pass. */
  async function follow(text: string): Promise<{ path: string; file: FollowedFile; bytes: () => number }> {
    const path = join(dir, `f${++n}.log`);
    writeFileSync(path, text);
    let bytes = 0;
    const file = new FollowedFile(path, await open(path, 'r'), Buffer.byteLength(text), (b) => (bytes += b));
    return { path, file, bytes: () => bytes };
  }

  it('reads what is appended, once', async () => {
    const { path, file, bytes } = await follow('a\n');
    expect(await poll(file)).toBe('');
    appendFileSync(path, 'b\nc');
    expect(await poll(file)).toBe('b\nc');
    appendFileSync(path, '\n');
    expect(await poll(file)).toBe('\n');
    expect(bytes()).toBe(4);
    await file.close();
  });

  it('rotation: finishes the old file, then reads the new one from its start', async () => {
    const { path, file } = await follow('a\n');
    appendFileSync(path, 'b\n');
    renameSync(path, `${path}.1`);
    // The writer has not reopened yet: it still appends to the renamed file.
    appendFileSync(`${path}.1`, 'c\n');
    writeFileSync(path, 'd\n');
    expect(await poll(file)).toBe('b\nc\n|rotated|d\n');
    appendFileSync(`${path}.1`, 'late\n');
    appendFileSync(path, 'e\n');
    expect(await poll(file)).toBe('e\n');
    await file.close();
  });

  it('rotation by removal: keeps reading the open file until the path is created again', async () => {
    const { path, file } = await follow('a\n');
    renameSync(path, `${path}.1`);
    appendFileSync(`${path}.1`, 'b\n');
    expect(await poll(file)).toBe('b\n');
    unlinkSync(`${path}.1`);
    expect(await poll(file)).toBe('');
    writeFileSync(path, 'c\n');
    expect(await poll(file)).toBe('|rotated|c\n');
    await file.close();
  });

  it('copytruncate: the same file, shorter, is read again from its start', async () => {
    const { path, file } = await follow('a\nb\n');
    truncateSync(path, 0);
    appendFileSync(path, 'c\n');
    expect(await poll(file)).toBe('|truncated|c\n');
    appendFileSync(path, 'd\n');
    expect(await poll(file)).toBe('d\n');
    await file.close();
  });

  it('copytruncate: a file rewritten past its old size between two polls is noticed too', async () => {
    const { path, file } = await follow('a\nb\n');
    expect(await poll(file)).toBe('');
    truncateSync(path, 0);
    appendFileSync(path, 'longer line\n');
    expect(await poll(file)).toBe('|truncated|longer line\n');
    await file.close();
  });
});
