import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseLine, wildLines } from '../../../test/logs/helpers.ts';
import { AppTextParser } from './app-text.ts';
import { KIND } from './line-parser.ts';

describe('AppTextParser', () => {
  it("reads the lab app's lines: time, level, id, request, status and the message alone", () => {
    const p = new AppTextParser();
    const line = "2026-11-21T21:43:08.550Z ERROR request_id=a973e3fbe66df9a234a98ddf283e60fe GET /app-exception status=500 TypeError: Cannot read properties of undefined (reading 'id')";
    expect(parseLine(p, line)).toBe(KIND.app);
    expect(p.appEvent).toEqual({
      time: { ms: Date.UTC(2026, 10, 21, 21, 43, 8, 550), local: false },
      requestId: 'a973e3fbe66df9a234a98ddf283e60fe',
      method: 'GET',
      path: '/app-exception',
      status: 500,
      isError: true,
      message: "TypeError: Cannot read properties of undefined (reading 'id')",
      stack: { lines: [], omitted: 0 },
    });
  });

  it("reads ASP.NET Core's request-finished line as the app's record of a request, with its status", () => {
    // The wild corpus's Kestrel line (ASP.NET Core 2.x), then the shapes of 5.0/6.0 and 7.0+ (HostingRequestFinishedLog).
    const [kestrel] = wildLines('app-text/iisintegration-201-kestrel.log');
    const lines = [
      kestrel as string,
      'Request finished HTTP/1.1 GET http://localhost:8080/ - - - 401 0 - 672.1576ms',
      'Request finished HTTP/1.1 GET http://localhost:5000/ - 200 - text/html;+charset=utf-8 229.9894ms',
    ];
    const read = lines.map((line) => {
      const p = new AppTextParser();
      expect(parseLine(p, line)).toBe(KIND.app);
      return [p.appEvent?.status, p.appEvent?.isError];
    });
    expect(read).toEqual([
      [200, false],
      [401, false],
      [200, false],
    ]);
    expect(parseLine(new AppTextParser(), 'Request starting HTTP/1.1 GET http://localhost:5000/ - - -')).toBe(KIND.other);
  });

  it("reads uWSGI's own failures as the app server's errors: its full listen queue, a harakiri, an oversized request (corpus)", () => {
    const p = new AppTextParser();
    const [queue] = wildLines('uwsgi/uwsgi-listen-queue-full-100-of-100.log');
    expect(parseLine(p, queue as string)).toBe(KIND.app);
    expect(p.appEvent?.isError).toBe(true);
    const [harakiri] = wildLines('uwsgi/weblate-2114-harakiri-compose.log');
    expect(parseLine(p, (harakiri as string).replace(/^\S+\s+\| /, ''))).toBe(KIND.app);
    expect(p.appEvent?.isError).toBe(true);
    const [block] = wildLines('uwsgi/ckan-helm-41-uwsgi-http-block-size.log');
    expect(parseLine(p, block as string)).toBe(KIND.app);
    expect(p.appEvent?.isError).toBe(true);
  });

  it("takes the local time uWSGI's and Werkzeug's request lines put in brackets, so they join the proxy's lines (held-out logs set 135)", () => {
    const p = new AppTextParser();
    const line = wildLines('uwsgi/iaxax-education-uwsgi.log').find((l) => l.startsWith('[pid:')) as string;
    expect(line).toMatch(/\} \[Sat Jun 10 \d\d:\d\d:\d\d 2017\] /);
    expect(parseLine(p, line)).toBe(KIND.app);
    expect(p.appEvent?.time).toMatchObject({ local: true });
    expect(new Date(p.appEvent?.time.ms ?? 0).toISOString().slice(0, 10)).toBe('2017-06-10');
    const werkzeug = wildLines('werkzeug/logcrux-werkzeug.log')[3] as string;
    expect(werkzeug).toContain('[20/Jun/2026 10:15:04] "POST /api/pay HTTP/1.1" 500 -');
    expect(parseLine(p, werkzeug)).toBe(KIND.app);
    expect(p.appEvent?.time).toEqual({ ms: Date.UTC(2026, 5, 20, 10, 15, 4), local: true });
  });

  it("reads Gin's request line, its method padded and its path quoted, as the app's record of a request", () => {
    // The diagnose corpus's Ollama server log (test/fixtures/diagnose/wild/corpus-zb.tsv has its provenance).
    const text = readFileSync(new URL('../../../test/fixtures/diagnose/wild/ollama/pdl-generate-503.log', import.meta.url), 'utf8');
    const p = new AppTextParser();
    expect(parseLine(p, text.split('\n')[0] as string)).toBe(KIND.app);
    expect(p.appEvent).toMatchObject({ method: 'POST', path: '/api/generate', status: 503, isError: true });
  });

  it('finds bare 32-hex ids and UUIDs, and reads stack frames into the entry above them', () => {
    const p = new AppTextParser();
    expect(parseLine(p, '[2024-05-01 10:00:00,001] INFO [7f3a9c2b5e1d4f6a8b9c0d1e2f3a4b5c] handled')).toBe(KIND.app);
    expect(p.appEvent).toMatchObject({ requestId: '7f3a9c2b5e1d4f6a8b9c0d1e2f3a4b5c', isError: false, time: { local: true } });
    expect(parseLine(p, 'Completed 500 Internal Server Error in 12ms (req 5c1a7b1e-5f1b-4d33-9b5b-6a3a2b7a1f00)')).toBe(KIND.app);
    expect(p.appEvent).toMatchObject({ requestId: '5c1a7b1e-5f1b-4d33-9b5b-6a3a2b7a1f00', status: 500, isError: true });
    const completed = p.appEvent;
    expect(parseLine(p, '    at Layer.handle (/app/node_modules/express/lib/router/layer.js:95:5)')).toBe(KIND.continuation);
    expect(completed?.stack.lines).toEqual(['    at Layer.handle (/app/node_modules/express/lib/router/layer.js:95:5)']);
    expect(parseLine(p, '   ')).toBe(KIND.none);
  });

  it('takes the request id from a custom pattern', () => {
    const p = new AppTextParser(/trace:(\w+)/);
    expect(parseLine(p, 'something failed trace:ABC123')).toBe(KIND.app);
    expect(p.appEvent?.requestId).toBe('ABC123');
  });

  it('reads every line of the nginx lab app log', () => {
    const p = new AppTextParser();
    const lines = readFileSync(new URL('../../../test/fixtures/logs/nginx/app.log', import.meta.url), 'utf8').trim().split('\n');
    const ids = lines.map((l) => (parseLine(p, l) === KIND.app ? p.appEvent?.requestId : null)).filter(Boolean);
    expect(ids).toEqual(['c0f99aae239af5076ec0def1b08f3afb', 'a973e3fbe66df9a234a98ddf283e60fe', '333176676d355ccb056481e198412fb8']);
  });
});
