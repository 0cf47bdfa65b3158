import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createContext, type GlobalOptions } from '../context.ts';
import type { CliIo } from '../io.ts';
import { runDiagnose } from './diagnose.ts';

const fixtures = fileURLToPath(new URL('../../../test/fixtures/diagnose/', import.meta.url));

function fakeIo(stdin = '') {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: { write: (s: string) => out.push(s), isTTY: false, columns: 100 },
    stderr: { write: (s: string) => err.push(s) },
    stdin: Readable.from([stdin]),
    env: {},
    cwd: fixtures,
  };
  return { io, stdout: () => out.join(''), stderr: () => err.join('') };
}

const text: GlobalOptions = {};
const json: GlobalOptions = { json: true };
const diagnoseFiles = (files: string[], globals: GlobalOptions, io: CliIo) => runDiagnose([files], {}, createContext(io, globals));

describe('httpwhy diagnose', () => {
  it('exits 0 and prints a readable diagnosis when the issuer is identified', async () => {
    const t = fakeIo();
    expect(await diagnoseFiles(['nginx/502-bad-gateway.http'], text, t.io)).toBe(0);
    expect(t.stdout()).toContain('Issued by: nginx (reverse proxy) · confidence: high');
    expect(t.stdout()).not.toContain('\u001b[');
    expect(t.stderr()).toBe('');
  });

  it('exits 1 when the issuer is unknown', async () => {
    const t = fakeIo();
    expect(await diagnoseFiles(['unknown/bare-503.http'], text, t.io)).toBe(1);
    expect(t.stdout()).toContain('issuer unknown');
  });

  it('reads stdin for "-" and for no file at all', async () => {
    const paste = 'HTTP/1.1 503 Service Unavailable\r\nserver: envoy\r\n\r\nno healthy upstream';
    for (const files of [['-'], []]) {
      const t = fakeIo(paste);
      expect(await diagnoseFiles(files, text, t.io)).toBe(0);
      expect(t.stdout()).toContain('Envoy');
    }
  });

  it('writes Indonesian with --lang id', async () => {
    const t = fakeIo();
    await diagnoseFiles(['haproxy/503-no-server.http'], { lang: 'id' }, t.io);
    expect(t.stdout()).toContain('Dikeluarkan oleh: HAProxy');
  });

  it('prints the report as JSON with --json', async () => {
    const t = fakeIo();
    expect(await diagnoseFiles(['caddy/502-empty.http'], json, t.io)).toBe(0);
    const report = JSON.parse(t.stdout()) as { format: string; diagnoses: { issuer: { component: string } }[] };
    expect(report.format).toBe('http');
    expect(report.diagnoses[0]?.issuer.component).toBe('Caddy');
  });

  it('exits 0 for an issuer inferred by elimination, and says it was inferred', async () => {
    const paste = 'HTTP/1.1 503 Service Unavailable\r\nServer: nginx/1.22.1\r\nContent-Type: application/json\r\n\r\n{"status":"maintenance"}';
    const t = fakeIo(paste);
    expect(await diagnoseFiles([], text, t.io)).toBe(0);
    expect(t.stdout()).toContain('Issued by: the application behind it (or the next hop) · confidence: medium (inferred by elimination)');
    const j = fakeIo(paste);
    expect(await diagnoseFiles([], json, j.io)).toBe(0);
    const report = JSON.parse(j.stdout()) as { diagnoses: { verdict: string; issuer: { component: string; fingerprint: string } }[] };
    expect(report.diagnoses[0]).toMatchObject({ verdict: 'inferred', issuer: { component: 'application', fingerprint: 'json-passed-through' } });
  });

  it.each([
    ['page text copied from the browser', 'wild/spring-boot/404-novel-whitelabel.txt', 'page-text', 'Spring Boot'],
    ['a chunked dump indented by a test log', 'wild/envoy/503-connection-failure-contour-chunked.http', 'http', 'Envoy'],
    ['headers only (curl -I)', 'wild/cloudflare/520-origin-error-bad-bot-blocker.headers', 'http', 'Cloudflare'],
    ['a JSON body alone', 'wild/aws-api-gateway/403-missing-authentication-token-fhir.json', 'body', 'Amazon API Gateway'],
  ])('reads %s from a file and from stdin', async (_case, file, format, component) => {
    const t = fakeIo();
    expect(await diagnoseFiles([file], json, t.io)).toBe(0);
    const report = JSON.parse(t.stdout()) as { format: string; diagnoses: { issuer: { component: string } }[] };
    expect([report.format, report.diagnoses[0]?.issuer.component]).toEqual([format, component]);
    const s = fakeIo(readFileSync(join(fixtures, file), 'utf8'));
    expect(await diagnoseFiles(['-'], text, s.io)).toBe(0);
    expect(s.stdout()).toContain(`Issued by: ${component}`);
  });

  it('exits 2 for unreadable input: the message on stderr, {"error": {code, message}} on stdout with --json', async () => {
    const t = fakeIo('HTTP/1.1 50');
    expect(await diagnoseFiles(['-'], json, t.io)).toBe(2);
    const body = JSON.parse(t.stdout()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('HW_ERR_DIAGNOSE_UNREADABLE_INPUT');
    expect(t.stderr()).toBe(`httpwhy: stdin: ${body.error.message}\n`);
  });

  it('exits 2 for a file it cannot read', async () => {
    const t = fakeIo();
    expect(await diagnoseFiles(['no-such-file.http'], text, t.io)).toBe(2);
    expect(t.stderr()).toMatch(/^httpwhy: no-such-file\.http: The file cannot be read \(ENOENT\)\.\n$/);
    expect(t.stdout()).toBe('');
  });

  it('diagnoses several files, naming each, with the worst exit code', async () => {
    const t = fakeIo();
    expect(await diagnoseFiles(['caddy/502-empty.http', 'unknown/bare-503.http'], text, t.io)).toBe(1);
    expect(t.stdout()).toContain('== caddy/502-empty.http ==');
    expect(t.stdout()).toContain('== unknown/bare-503.http ==');

    const j = fakeIo();
    expect(await diagnoseFiles(['caddy/502-empty.http', 'missing.http'], json, j.io)).toBe(2);
    const results = JSON.parse(j.stdout()) as { file: string; error?: { code: string } }[];
    expect(results.map((r) => [r.file, r.error?.code ?? null])).toEqual([
      ['caddy/502-empty.http', null],
      ['missing.http', 'HW_ERR_FILE_UNREADABLE'],
    ]);
  });
});
