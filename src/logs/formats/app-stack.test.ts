import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { parseLine } from '../../../test/logs/helpers.ts';
import { analyzeLogs, logsText, renderLogReportHtml } from '../index.ts';
import { AppJsonParser } from './app-json.ts';
import { addStackLine, emptyStack, MAX_STACK_LINES, stackOf } from './app-stack.ts';
import { AppTextParser } from './app-text.ts';
import { KIND, type LineParser } from './line-parser.ts';
import type { AppEvent } from '../types.ts';

const K = { none: '-', access: 'access', proxyError: 'error', app: 'entry', other: 'other', continuation: 'cont' } as const;
const NAMES = Object.fromEntries(Object.entries(KIND).map(([name, kind]) => [kind, K[name as keyof typeof K]]));

/** Each line's kind, and the app events in order. */
function read(parser: LineParser, lines: string[]): { kinds: string[]; events: AppEvent[] } {
  const events: AppEvent[] = [];
  const kinds = lines.map((line) => {
    const kind = parseLine(parser, line);
    if (kind === KIND.app && parser.appEvent) events.push(parser.appEvent);
    return NAMES[kind] as string;
  });
  return { kinds, events };
}

describe('multi-line app entries in text logs', () => {
  it('joins a Node stack to its error line; the message stays the first line', () => {
    const { kinds, events } = read(new AppTextParser(), [
      '2026-11-21T21:43:08.781Z ERROR request_id=f6edc82f-ac9a-4af5-9678-a16508802787 GET /app-exception status=500 boom',
      "TypeError: Cannot read properties of undefined (reading 'id')",
      '    at failingRoute (file:///srv/app.js:27:9)',
      '    at Server.emit (node:events:514:28)',
      '2026-11-21T21:43:08.790Z INFO request_id=0a1b2c3d-ac9a-4af5-9678-a16508802787 GET /ok status=200 done',
    ]);
    expect(kinds).toEqual(['entry', 'cont', 'cont', 'cont', 'entry']);
    expect(events.map((e) => e.message)).toEqual(['boom', 'done']);
    expect(events[0]?.stack).toEqual({
      lines: ["TypeError: Cannot read properties of undefined (reading 'id')", '    at failingRoute (file:///srv/app.js:27:9)', '    at Server.emit (node:events:514:28)'],
      omitted: 0,
    });
    expect(events[1]?.stack).toEqual({ lines: [], omitted: 0 });
  });

  it('joins a Python traceback, chained tracebacks and the final exception line', () => {
    const { kinds, events } = read(new AppTextParser(), [
      '2024-05-01 10:00:00,123 ERROR request_id=0f1e2d3c Exception on /pay [POST]',
      'Traceback (most recent call last):',
      '  File "app.py", line 3, in pay',
      '    1/0',
      'ZeroDivisionError: division by zero',
      '',
      'During handling of the above exception, another exception occurred:',
      '',
      'Traceback (most recent call last):',
      '  File "app.py", line 5, in pay',
      'KeyError: \'card\'',
      '2024-05-01 10:00:01,000 INFO request_id=0f1e2d3d GET /health status=200',
    ]);
    expect(kinds).toEqual(['entry', 'cont', 'cont', 'cont', 'cont', '-', 'cont', '-', 'cont', 'cont', 'cont', 'entry']);
    expect(events[0]?.message).toBe('Exception on /pay [POST]');
    expect(events[0]?.stack.lines).toHaveLength(8);
    expect(events[0]?.stack.lines.at(-1)).toBe("KeyError: 'card'");
  });

  it('joins Java exceptions with "Caused by:", tab frames and "... n more"', () => {
    const { kinds, events } = read(new AppTextParser(), [
      '2024-05-01 10:00:00.123 ERROR 1 --- [nio-8080-exec-1] c.e.Api : request failed request_id=abc123def456',
      'java.lang.IllegalStateException: boom',
      '\tat com.example.Api.pay(Api.java:42)',
      'Caused by: java.io.IOException: disk full',
      '\tat com.example.Store.write(Store.java:7)',
      '\t... 12 more',
      '2024-05-01 10:00:00.200 INFO 1 --- [nio-8080-exec-2] c.e.Api : ok request_id=abc123def457',
    ]);
    expect(kinds).toEqual(['entry', 'cont', 'cont', 'cont', 'cont', 'cont', 'entry']);
    expect(events[0]?.stack.lines).toEqual([
      'java.lang.IllegalStateException: boom',
      '\tat com.example.Api.pay(Api.java:42)',
      'Caused by: java.io.IOException: disk full',
      '\tat com.example.Store.write(Store.java:7)',
      '\t... 12 more',
    ]);
  });

  it('reads a bare traceback as one entry, frames after a line without an event as part of it', () => {
    const { kinds, events } = read(new AppTextParser(), [
      'Traceback (most recent call last):',
      '  File "worker.py", line 9, in <module>',
      'ValueError: bad',
      'Starting worker',
      '    with 4 threads',
    ]);
    expect(kinds).toEqual(['entry', 'cont', 'cont', 'other', 'cont']);
    expect(events).toHaveLength(1);
    expect(events[0]?.stack.lines).toEqual(['  File "worker.py", line 9, in <module>', 'ValueError: bad']);
  });

  it('does not take an unqualified exception line under a line that is no error, nor lines before any entry', () => {
    const { kinds } = read(new AppTextParser(), ['    at orphan (x.js:1:1)', '2024-05-01T10:00:00Z INFO request_id=abcdef123456 ok', 'Error: later', '    at f (x.js:2:2)']);
    expect(kinds).toEqual(['other', 'entry', 'other', 'cont']);
  });
});

describe('multi-line app entries in JSON logs', () => {
  it('keeps the stack field, then adds plain stack lines printed after the JSON line', () => {
    const { kinds, events } = read(new AppJsonParser(), [
      '{"level":50,"time":1714557600123,"reqId":"r-000001","err":{"message":"boom","stack":"Error: boom\\n    at pay (/srv/pay.js:3:9)"},"msg":"boom"}',
      '    at Layer.handle (/srv/node_modules/express/lib/router/layer.js:95:5)',
      '{"level":30,"time":1714557600200,"reqId":"r-000002","msg":"ok"}',
      'not json, not a frame',
      '    at nothing (x.js:1:1)',
    ]);
    expect(kinds).toEqual(['entry', 'cont', 'entry', '-', '-']);
    expect(events[0]?.message).toBe('boom');
    expect(events[0]?.stack.lines).toEqual(['Error: boom', '    at pay (/srv/pay.js:3:9)', '    at Layer.handle (/srv/node_modules/express/lib/router/layer.js:95:5)']);
    expect(events[1]?.stack.lines).toEqual([]);
  });

  it('reads Python exc_info and logstash stack_trace fields', () => {
    const { events } = read(new AppJsonParser(), [
      '{"levelname":"ERROR","message":"failed","request_id":"0f1e2d3c","exc_info":"Traceback (most recent call last):\\n  File \\"app.py\\", line 3\\nZeroDivisionError: division by zero"}',
      '{"level":"ERROR","message":"failed","stack_trace":"java.lang.IllegalStateException: boom\\n\\tat com.example.Api.pay(Api.java:42)\\n"}',
    ]);
    expect(events.map((e) => e.stack.lines)).toEqual([
      ['Traceback (most recent call last):', '  File "app.py", line 3', 'ZeroDivisionError: division by zero'],
      ['java.lang.IllegalStateException: boom', '\tat com.example.Api.pay(Api.java:42)'],
    ]);
  });
});

describe('stack bounds', () => {
  it(`keeps the first ${MAX_STACK_LINES} lines, cut to 300 characters, and counts the rest`, () => {
    const stack = emptyStack();
    for (let i = 0; i < 25; i++) addStackLine(stack, `    at f${i} (x.js:${i}:1)`);
    expect(stack.lines).toHaveLength(20);
    expect(stack.lines[19]).toBe('    at f19 (x.js:19:1)');
    expect(stack.omitted).toBe(5);
    expect(stackOf(`Error: ${'x'.repeat(500)}\n\n    at f (x.js:1:1)`).lines.map((l) => l.length)).toEqual([300, 19]);
  });
});

describe('analyzeLogs with multi-line app logs', () => {
  const FIXTURES = new URL('../../../test/fixtures/logs/', import.meta.url).pathname;
  const dir = mkdtempSync(join(tmpdir(), 'httpwhy-stack-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('HAProxy lab capture: the Node stack is read into the error entry and shown with its example', async () => {
    const r = await analyzeLogs({ files: ['haproxy/access.log'], appFiles: ['haproxy/app.log'], cwd: FIXTURES, stdin: Readable.from([]) });
    // app.log: an sshd line naming a request, two error entries, 7 stack frames under the second, one warning.
    expect(r.files[1]).toMatchObject({ format: 'app-text', lines: 11, parsed: 11, continued: 7, skipped: 0 });
    expect(r.correlation.appLines).toBe(4);
    const example = r.causes.find((c) => c.cause === 'app-error')?.examples[0];
    expect(example?.appMessage).toBe("TypeError: Cannot read properties of undefined (reading 'id')");
    expect(example?.appStack?.lines).toHaveLength(7);
    expect(example?.appStack?.lines[0]).toBe('    at failingRoute (file:///work/main/src/lab/upstreams/app-exception.ts:27:9)');
    expect(r.appMessages.map((m) => m.key)).not.toContainEqual(expect.stringMatching(/^\s*at /));
    const page = renderLogReportHtml(r, logsText('en'));
    expect(page).toContain('<details class="stack"><summary>stack trace</summary><pre>    at failingRoute (file:///work/main/src/lab/upstreams/app-exception.ts:27:9)\n');
  });

  it('JSON app log with plain stack lines: still detected as JSON, lines accounted for, stack bounded', async () => {
    const id = 'b'.repeat(32);
    writeFileSync(join(dir, 'access.log'), `10.0.0.1 - - [01/May/2024:10:00:01 +0000] "GET /pay HTTP/1.1" 500 5 "-" "curl/8.0" ${id}\n`);
    const frames = Array.from({ length: 30 }, (_, i) => `    at frame${i} (/srv/pay.js:${i + 1}:1)`);
    const error = JSON.stringify({ level: 50, time: Date.UTC(2024, 4, 1, 10, 0, 1), reqId: id, msg: 'card declined' });
    writeFileSync(join(dir, 'app.log'), [error, 'Error: card declined', ...frames, '', JSON.stringify({ level: 30, reqId: 'c'.repeat(32), msg: 'ok' })].join('\n'));
    const format = '$remote_addr - - [$time_local] "$request" $status $body_bytes_sent "$http_referer" "$http_user_agent" $request_id';
    const r = await analyzeLogs({ files: ['access.log'], appFiles: ['app.log'], format, cwd: dir, stdin: Readable.from([]) });
    expect(r.files[1]).toMatchObject({ format: 'app-json', lines: 34, parsed: 33, continued: 31, skipped: 1, skippedBy: { empty: { count: 1 } } });
    expect(r.correlation.appLines).toBe(2);
    expect(r.appMessages).toEqual([{ key: 'card declined', count: 1 }]);
    const stack = r.causes[0]?.examples[0]?.appStack;
    expect(stack?.lines.slice(0, 2)).toEqual(['Error: card declined', '    at frame0 (/srv/pay.js:1:1)']);
    expect(stack?.lines).toHaveLength(20);
    expect(stack?.omitted).toBe(11);
    expect(renderLogReportHtml(r, logsText('id'))).toContain('… 11 baris lainnya</pre>');
  });
});
