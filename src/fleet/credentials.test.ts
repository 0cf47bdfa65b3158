import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isHttpwhyError } from '../errors.ts';
import { readCredentials, serverUrl, withoutSecret } from './credentials.ts';

const SECRET = 'pa:ss w0rd';

describe('where --clickhouse connects, and as whom', () => {
  const dir = mkdtempSync(join(tmpdir(), 'httpwhy-credentials-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('takes a server URL', () => {
    expect(serverUrl('https://ch.example:8443').origin).toBe('https://ch.example:8443');
  });

  it.each([
    ['credentials in the URL', `http://me:${encodeURIComponent(SECRET)}@ch:8123`],
    ['credentials in a URL with no scheme', `me:${SECRET}@ch`],
    ['not a URL at all', `:${SECRET}`],
    ['another scheme', 'tcp://ch:9000'],
    ['a path or query', 'http://ch:8123/?password=x'],
  ])('refuses %s (exit 2) without repeating it', (_name, url) => {
    let caught: unknown;
    try {
      serverUrl(url);
    } catch (error) {
      caught = error;
    }
    expect(isHttpwhyError(caught) && caught.code).toBe('HW_ERR_CLICKHOUSE_BAD_URL');
    expect((caught as Error).message).not.toContain(SECRET);
    expect((caught as Error).message).not.toContain(encodeURIComponent(SECRET));
  });

  it('reads the environment, or a file whose first line is user:password', async () => {
    expect(await readCredentials({ CLICKHOUSE_USER: 'u', CLICKHOUSE_PASSWORD: SECRET }, undefined, dir)).toEqual({ username: 'u', password: SECRET });
    expect(await readCredentials({}, undefined, dir)).toEqual({ username: undefined, password: undefined });
    writeFileSync(join(dir, 'creds'), `\nreader:${SECRET}\nignored\n`);
    expect(await readCredentials({ CLICKHOUSE_PASSWORD: 'env' }, 'creds', dir)).toEqual({ username: 'reader', password: SECRET });
  });

  it('says what is wrong with a credentials file, never its content', async () => {
    writeFileSync(join(dir, 'bad'), SECRET.replace(':', ''));
    for (const file of ['bad', 'missing']) {
      const error = await readCredentials({}, file, dir).catch((e: unknown) => e);
      expect(isHttpwhyError(error) && error.code).toBe('HW_ERR_CLICKHOUSE_BAD_OPTION');
      expect((error as Error).message).not.toContain(SECRET.replace(':', ''));
    }
  });

  it('blanks the password wherever a message repeats it', () => {
    expect(withoutSecret(`auth failed for ${SECRET} (${SECRET})`, { password: SECRET })).toBe('auth failed for *** (***)');
    expect(withoutSecret('nothing to hide', {})).toBe('nothing to hide');
  });
});
