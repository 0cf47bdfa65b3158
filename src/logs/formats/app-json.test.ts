import { describe, expect, it } from 'vitest';
import { parseLine, wildLines } from '../../../test/logs/helpers.ts';
import { AppJsonParser } from './app-json.ts';
import { KIND } from './line-parser.ts';

function event(line: string, parser = new AppJsonParser()) {
  expect(parseLine(parser, line)).toBe(KIND.app);
  return parser.appEvent;
}

describe('AppJsonParser', () => {
  it('reads pino (Fastify) error lines', () => {
    expect(
      event(
        '{"level":50,"time":1714557600123,"pid":1,"hostname":"h","reqId":"req-1","req":{"method":"GET","url":"/users/7","headers":{"x-request-id":"7f3a9c2b5e1d4f6a8b9c0d1e2f3a4b5c"}},"res":{"statusCode":500},"err":{"type":"TypeError","message":"boom","stack":"TypeError: boom"},"msg":"boom"}',
      ),
    ).toEqual({
      time: { ms: 1714557600123, local: false },
      requestId: '7f3a9c2b5e1d4f6a8b9c0d1e2f3a4b5c',
      method: 'GET',
      path: '/users/7',
      status: 500,
      isError: true,
      message: 'boom',
      stack: { lines: ['TypeError: boom'], omitted: 0 },
    });
  });

  it('reads bunyan, winston, Python JSON logging and structlog', () => {
    expect(event('{"name":"api","hostname":"h","pid":1,"level":50,"req_id":"abc-123456","msg":"db down","time":"2024-05-01T10:00:00.000Z","v":0}')).toMatchObject({
      requestId: 'abc-123456',
      isError: true,
      message: 'db down',
    });
    expect(event('{"level":"error","message":"payment failed","timestamp":"2024-05-01T10:00:00.000Z","requestId":"r-998877"}')).toMatchObject({
      requestId: 'r-998877',
      isError: true,
      message: 'payment failed',
    });
    expect(
      event(
        '{"asctime":"2024-05-01 10:00:00,123","levelname":"ERROR","name":"app","message":"Exception on /pay [POST]","request_id":"0f1e2d3c","exc_info":"Traceback (most recent call last):\\n  File \\"app.py\\", line 3\\nZeroDivisionError: division by zero"}',
      ),
    ).toMatchObject({
      time: { ms: Date.UTC(2024, 4, 1, 10, 0, 0, 123), local: true },
      requestId: '0f1e2d3c',
      isError: true,
      message: 'Exception on /pay [POST] (ZeroDivisionError: division by zero)',
    });
    expect(event('{"event":"request finished","level":"info","request_id":"x-1234","status_code":200,"timestamp":"2024-05-01T10:00:00Z"}')).toMatchObject({
      isError: false,
      status: 200,
      message: 'request finished',
    });
  });

  it('uses the configured field names', () => {
    const parser = new AppJsonParser({ requestId: 'ctx.trace', message: 'text' });
    expect(event('{"ctx":{"trace":"t-000111"},"request_id":"ignored","text":"hello","msg":"no"}', parser)).toMatchObject({ requestId: 't-000111', message: 'hello' });
  });

  it('rejects what is not a JSON object', () => {
    const p = new AppJsonParser();
    for (const line of ['[1,2]', 'plain text', '{"broken":', '']) expect(parseLine(p, line)).toBe(KIND.none);
  });
});

// Fastify's docs ("Delay accepting requests"): the default logger's two records per request, joined by reqId.
describe('AppJsonParser, a request in two records', () => {
  const FASTIFY = 'pino-json/fastify-docs-delay-accepting-requests-503.log';

  it("reads the closing record's status with the opening record's method and path, as the app's own answer", () => {
    const p = new AppJsonParser({}, undefined, true);
    const lines = wildLines(FASTIFY);
    expect(parseLine(p, lines[2] as string)).toBe(KIND.app);
    expect(parseLine(p, lines[3] as string)).toBe(KIND.access);
    expect(p.access()).toMatchObject({ status: 503, method: 'GET', path: '/v1', requestId: 'req-1', signal: { cause: 'app-overload' } });
  });

  it("reads an error's record with its request and status as the request, and the same id's \"request completed\" after it as an app line (corpus: fastify/holmesgpt-minishop-backend-checkout500.log)", () => {
    const p = new AppJsonParser({}, undefined, true);
    const lines = wildLines('fastify/holmesgpt-minishop-backend-checkout500.log').filter((l) => l.includes('"reqId":"req-2"'));
    expect(lines.map((l) => parseLine(p, l))).toEqual([KIND.app, KIND.access, KIND.app]);
  });

  it('reads a closing record alone as an app line: no request without its opening one', () => {
    const p = new AppJsonParser({}, undefined, true);
    expect(parseLine(p, wildLines(FASTIFY)[3] as string)).toBe(KIND.app);
  });

  it("reads the request fields of an object logged as winston's message, as requests of an app log on its own (corpus: app-json/swift-backend-winston)", () => {
    const p = new AppJsonParser({}, undefined, true);
    const line = wildLines('app-json/swift-backend-winston-request-json-access-whole.log').find((l) => l.includes('"status":500'));
    expect(parseLine(p, line as string)).toBe(KIND.access);
    expect(p.access()).toMatchObject({ status: 500 });
    expect(p.access().method).not.toBe('');
  });
});
