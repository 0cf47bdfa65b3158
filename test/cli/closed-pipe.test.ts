/** The real bin, its output piped into a reader that stops early (`| head`): no stack trace, a clean exit. */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../../bin/httpwhy.js', import.meta.url));

describe('httpwhy writing into a closed pipe', () => {
  it('stops quietly when the reader has gone before it writes', async () => {
    const child = spawn(process.execPath, [bin, 'list', '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  });
});
