import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../../../test/helpers/memory-io.ts';
import { createContext } from '../context.ts';
import { runBuild } from './build.ts';

const tmp = mkdtempSync(join(tmpdir(), 'httpwhy-build-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('httpwhy build', () => {
  it('exports into --out relative to the working directory and prints a one-line summary on stderr', async () => {
    const io = { ...memoryIo({ env: { HTTPWHY_SITE_URL: 'https://httpwhy.example' } }), cwd: tmp };
    expect(await runBuild([], { out: 'public' }, createContext(io))).toBe(0);
    expect(io.stdoutText()).toBe('');
    expect(io.stderrText()).toMatch(/^httpwhy: exported \d{3,} files \(\d{7,} bytes\) for https:\/\/httpwhy\.example to .*\/public\n$/);
    expect(readFileSync(join(tmp, 'public/codes/502/index.html'), 'utf8')).toContain('<link rel="canonical" href="https://httpwhy.example/codes/502"/>');
  }, 60_000);

  it('refuses a directory holding other files, with its error code', async () => {
    writeFileSync(join(tmp, 'notes.txt'), 'mine');
    await expect(runBuild([], { out: '.', siteUrl: 'https://httpwhy.example' }, createContext({ ...memoryIo(), cwd: tmp }))).rejects.toMatchObject({ code: 'HW_ERR_WEB_EXPORT_DIR_NOT_EMPTY' });
  });
});
