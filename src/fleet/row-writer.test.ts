import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { LogSession } from '../logs/index.ts';
import { COLUMNS } from './rows.ts';
import { RowWriter } from './row-writer.ts';

const FIXTURES = new URL('../../test/fixtures/logs/', import.meta.url).pathname;

async function rows(files: string[], appFiles: string[] = []): Promise<Array<Record<string, unknown>>> {
  let out = '';
  const writer = new RowWriter('lb1', (chunk) => (out += chunk));
  const session = await LogSession.open({ files, appFiles, cwd: FIXTURES, stdin: Readable.from([]) }, writer);
  await session.read();
  // Entries waiting for the app log are written once decided, as `httpwhy logs --emit` settles before it ends.
  session.analysis.settle();
  writer.flush();
  expect(out.endsWith('\n')).toBe(true);
  return out
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('rows out of the streaming analysis', () => {
  it('one row per request, error-log event and app event, with only known columns', async () => {
    const all = await rows(['nginx/access.log', 'nginx/error.log'], ['nginx/app.log']);
    const count = (kind: string): number => all.filter((r) => r.kind === kind).length;
    expect([count('request'), count('upstream-error'), count('app')]).toEqual([11, 9, 4]);
    const known = new Set(COLUMNS.map((c) => c.name));
    for (const row of all) for (const key of Object.keys(row)) expect(known).toContain(key);
  });

  it('a request row carries its own fields, its signal and the error-log event linked to it on this host', async () => {
    const all = await rows(['nginx/access.log', 'nginx/error.log']);
    // nginx/access.log:1, GET /connection-refused: 502 with us="502", uct="-", and the error log's connect() failed.
    expect(all.find((r) => r.kind === 'request' && r.line === 1)).toEqual({
      kind: 'request',
      host: 'lb1',
      file: 'nginx/access.log',
      line: 1,
      format: 'nginx-custom',
      time_ms: Date.UTC(2026, 10, 21, 21, 43, 8),
      status: 502,
      client: '127.0.0.1',
      method: 'GET',
      path: '/connection-refused',
      route: 'GET /connection-refused',
      request_id: '83a21d586f8ece140871af43ee81f30f',
      upstream: '127.0.0.1:51136',
      request_time: 0.002,
      has_signal: 1,
      signal_cause: 'refused',
      signal_confidence: 'high',
      signal_decisive: 1,
      signal_kind: 'upstream-fields',
      signal_detail: 'upstream_status=502 upstream_connect_time=- upstream_header_time=- upstream_addr=127.0.0.1:51136',
      has_error: 1,
      error_phase: 'header',
      error_cause: 'refused',
      // The error log beside it was being written at that time.
      error_covered: 1,
      error_names_request: 1,
      error_message: 'connect() failed (111: Connection refused) while connecting to upstream',
      error_file: 'nginx/error.log',
      error_line: 1,
    });
  });

  it('an app row is written once its stack trace is complete', async () => {
    const app = (await rows(['nginx/app.log'])).find((r) => r.app_error === 1 && r.status === 500);
    // nginx/app.log:3, and the seven stack lines under it.
    const stack = app?.app_stack as string[];
    expect(stack.length + Number(app?.app_stack_omitted ?? 0)).toBe(7);
    expect(stack[0]).toBe('    at failingRoute (file:///work/main/src/lab/upstreams/app-exception.ts:27:9)');
    expect(app?.request_id).toBe('a973e3fbe66df9a234a98ddf283e60fe');
  });
});
