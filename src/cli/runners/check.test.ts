import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpServer, type Loopback } from '../../../test/helpers/loopback.ts';
import { memoryIo } from '../../../test/helpers/memory-io.ts';
import type { CheckOptions } from '../commands/check.ts';
import { createContext, type GlobalOptions } from '../context.ts';
import { runCheck } from './check.ts';
import { printable } from './check-text.ts';

const NGINX_502 = '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

/** Paths that already got their 429. */
const limited = new Set<string>();
let server: Loopback;
let dir: string;
beforeAll(async () => {
  server = await httpServer((req, res) => {
    if (req.url === '/go') res.writeHead(302, { location: '/ok' }).end();
    else if (req.url === '/502') res.writeHead(502, { server: 'nginx', 'content-type': 'text/html' }).end(NGINX_502);
    else if (req.url === '/500') res.writeHead(500).end('boom');
    else if (req.url === '/stall') return;
    else if (req.url?.startsWith('/limited')) {
      const first = !limited.has(req.url);
      limited.add(req.url);
      res.writeHead(first ? 429 : 200, { 'retry-after': '0' }).end();
    }
    else res.end('fine');
  });
  dir = mkdtempSync(join(tmpdir(), 'httpwhy-check-'));
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The command's options and the global ones (--json, --lang). */
type Options = CheckOptions & GlobalOptions;

const operator = (extra: Options = {}): Options => ({ allowPrivate: true, ...extra });

async function cli(urls: string[], { json, lang, color, ...options }: Options, io = memoryIo()) {
  const code = await runCheck([urls], options, createContext(io, { json, lang, color }));
  return { code, out: io.stdoutText(), err: io.stderrText() };
}

/** One URL through the bulk path (stdin, NDJSON). */
async function bulkRow(path: string, retries?: number) {
  const r = await cli([], operator({ json: true, retries }), memoryIo({ stdin: `${server.origin}${path}\n` }));
  return JSON.parse(r.out) as { attempts: number; result: { status: number } };
}

describe('httpwhy check URL', () => {
  it('shows the chain, the timings and the result, and says it runs in operator mode', async () => {
    const r = await cli([`${server.origin}/go`], operator());
    expect(r.code).toBe(0);
    expect(r.out).toContain(`302  ${server.origin}/go → /ok`);
    expect(r.out).toContain(`200  ${server.origin}/ok`);
    expect(r.out).toMatch(/Timing: DNS – · connect [\d.]+ ms · TLS – · first byte [\d.]+ ms/);
    expect(r.out).toMatch(/Result: 200 · 2 request\(s\) · 4 bytes/);
    expect(r.err).toMatch(/operator mode \(--allow-private\)/);
  });

  it('diagnoses a failing response and exits 1', async () => {
    const r = await cli([`${server.origin}/502`], operator({ lang: 'id' }));
    expect(r.code).toBe(1);
    expect(r.out).toContain('Rantai:');
    expect(r.out).toMatch(/nginx/);
  });

  it('prints one JSON document with --json', async () => {
    const r = await cli([`${server.origin}/go`], operator({ json: true }));
    expect(JSON.parse(r.out)).toMatchObject({ status: 200, finalUrl: `${server.origin}/ok`, hops: [{ status: 302 }, { status: 200 }] });
  });

  it('classifies a network failure and names what a proxy would answer', async () => {
    const r = await cli(['http://127.0.0.1:1/'], operator());
    expect(r.code).toBe(1);
    expect(r.out).toContain('Failure: connection refused during TCP connect (ECONNREFUSED)');
    expect(r.out).toContain('A proxy in front would answer: nginx 502 · HAProxy 503 · Envoy 503 · Apache httpd 503 · Caddy 502 · Traefik 502 · AWS ALB 502 · Cloudflare 521');
  });

  it('gives up after --timeout seconds, naming the phase', async () => {
    const r = await cli([`${server.origin}/stall`], operator({ timeout: 0.2, json: true }));
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out)).toMatchObject({ status: null, failure: { kind: 'timeout-response', phase: 'headers', code: 'ETIMEDOUT' } });
    expect(JSON.parse(r.out).totalMs).toBeLessThan(2000);
  });

  it('is SSRF-safe by default and tells the operator how to check a local server', async () => {
    await expect(cli([`${server.origin}/`], {})).rejects.toMatchObject({
      code: 'HW_ERR_CHECK_SSRF_BLOCKED',
      message: expect.stringMatching(/add --allow-private/),
    });
  });

  it('refuses a bad URL and conflicting formats as bad input', async () => {
    await expect(cli(['ftp://example.com/'], operator())).rejects.toMatchObject({ code: 'HW_ERR_CHECK_BAD_URL' });
    await expect(cli(['http://a.test/'], operator({ json: true, csv: true }))).rejects.toMatchObject({ code: 'HW_ERR_CLI_USAGE' });
  });
});

describe('httpwhy check, bulk', () => {
  it('streams NDJSON from stdin, one object per line, and exits 2 when an input was refused', async () => {
    const stdin = `${server.origin}/ok\n\n# skip me\n${server.origin}/500\nftp://nope/\n`;
    const r = await cli([], operator({ json: true }), memoryIo({ stdin }));
    const rows = r.out.trimEnd().split('\n').map((line) => JSON.parse(line) as { index: number; result: { status: number } | null; error: { code: string } | null });
    expect(rows.map((row) => [row.index, row.result?.status ?? row.error?.code]).toSorted()).toEqual([
      [1, 200],
      [4, 500],
      [5, 'HW_ERR_CHECK_BAD_URL'],
    ]);
    expect(r.code).toBe(2);
  });

  it('reads a UTF-8 list split anywhere, even inside a character', async () => {
    const bytes = Buffer.from(`${server.origin}/ok?q=é\n`);
    const cut = bytes.indexOf(0xc3) + 1;
    const io = { ...memoryIo(), stdin: Readable.from([bytes.subarray(0, cut), bytes.subarray(cut)]) };
    const r = await cli([], operator({ json: true }), io);
    expect(JSON.parse(r.out)).toMatchObject({ input: `${server.origin}/ok?q=é`, result: { url: `${server.origin}/ok?q=%C3%A9` } });
  });

  it('reads --file and writes CSV, exiting 1 for a 5xx', async () => {
    const list = join(dir, 'urls.txt');
    writeFileSync(list, `${server.origin}/ok\r\n${server.origin}/500\r\n`);
    const r = await cli(['-'], operator({ csv: true, file: 'urls.txt' }), { ...memoryIo({ stdin: `${server.origin}/go\n` }), cwd: dir });
    const lines = r.out.trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^index,url,status,problem,/);
    expect(lines.slice(1).map((line) => line.split(',').slice(1, 3).join(' ')).toSorted()).toEqual([
      `${server.origin}/go 200`,
      `${server.origin}/ok 200`,
      `${server.origin}/500 500`,
    ].toSorted());
    expect(r.code).toBe(1);
  });

  it('prints a table, a summary, and a progress bar only on a terminal', async () => {
    const list = join(dir, 'three.txt');
    writeFileSync(list, [`${server.origin}/a`, `${server.origin}/b`, `${server.origin}/go`].join('\n'));
    const tty = await cli([], operator({ file: list }), memoryIo({ tty: true, env: { NO_COLOR: '1' } }));
    expect(tty.code).toBe(0);
    expect(tty.out.split('\n')[0]).toBe('STATUS       TOTAL  URL  NOTE');
    expect(tty.out).toMatch(new RegExp(`^200 +\\d+ ms  ${server.origin}/go  → ${server.origin}/ok$`, 'm'));
    expect(tty.err).toContain('3/3 · ✗ 0');
    expect(tty.err).toMatch(/3 checked · 0 with a problem · 0 refused input/);
    const pipe = await cli([], operator({ file: list, json: true }));
    expect(pipe.err).not.toContain('✗');
  });

  it('retries a 429 that asks for it, as often as --retries allows', async () => {
    expect(await bulkRow('/limited/a')).toMatchObject({ attempts: 2, result: { status: 200 } });
    expect(await bulkRow('/limited/b', 0)).toMatchObject({ attempts: 1, result: { status: 429 } });
  });

  it('tells the operator about --allow-private when the safe mode refused a URL', async () => {
    const before = server.connections;
    const r = await cli([], {}, memoryIo({ stdin: `${server.origin}/\n` }));
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/^REFUSED +– +http:\/\/127\.0\.0\.1:\d+\/  HW_ERR_CHECK_SSRF_BLOCKED: Port \d+ is not allowed/m);
    expect(r.err).toContain('add --allow-private');
    expect(server.connections).toBe(before);
  });

  it('reports an empty list and an unreadable file as bad input', async () => {
    await expect(cli([], operator(), memoryIo({ stdin: '\n# nothing\n' }))).rejects.toMatchObject({ code: 'HW_ERR_CHECK_NO_INPUT' });
    await expect(cli([], operator({ file: join(dir, 'missing.txt') }))).rejects.toMatchObject({ code: 'HW_ERR_FILE_UNREADABLE' });
  });
});

describe('printable', () => {
  it('escapes what could drive the terminal', () => {
    expect(printable('/x\u001b]0;pwned\u0007\u009b2J\r\nok')).toBe('/x\\x1b]0;pwned\\x07\\x9b2J\\x0d\\x0aok');
  });
});
