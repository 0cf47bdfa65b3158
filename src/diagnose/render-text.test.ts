import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diagnose } from './diagnose.ts';
import { renderDiagnosisText, type TextStyle } from './render-text.ts';

const fixture = (path: string) => readFileSync(new URL(`../../test/fixtures/diagnose/${path}`, import.meta.url), 'utf8');

describe('renderDiagnosisText', () => {
  it('shows the issuer, the path, the evidence with its sources, and ranked causes', () => {
    const text = renderDiagnosisText(diagnose(fixture('cloudflare/express-behind-heroku.http')));
    expect(text).toContain('Issued by: Express (origin application) · confidence: high');
    expect(text).toContain('Path: Cloudflare (CDN) → Heroku router (load balancer) → Express (origin application) [issued here]');
    expect(text).toContain('  - cf-ray: 8a1b2c3d4e5f6a7b-SIN [cloudflare-ray, high]');
    expect(text).toContain('    https://github.com/pillarjs/finalhandler/blob/e561b5ad51/index.js');
    expect(text).toMatch(/Likely causes:\n {2}1\. /);
  });

  it('uses Indonesian labels for an Indonesian report', () => {
    const text = renderDiagnosisText(diagnose(fixture('nginx/502-bad-gateway.http'), { locale: 'id' }));
    expect(text).toContain('Dikeluarkan oleh: nginx (reverse proxy) · keyakinan: tinggi');
    expect(text).toContain('Kemungkinan penyebab:');
    expect(text).toContain('Periksa lebih dulu:');
  });

  it("labels curl's own report of a failure with no HTTP response as reported, not issued, in both languages", () => {
    const text = renderDiagnosisText(diagnose(fixture('curl/empty-reply.http')));
    expect(text).toContain('Reported by (no HTTP response): curl (client tooling)');
    expect(text).toContain('[reported here]');
    expect(text).not.toContain('Issued by');
    expect(renderDiagnosisText(diagnose(fixture('curl/empty-reply.http'), { locale: 'id' }))).toContain('Dilaporkan oleh (tanpa respons HTTP): curl');
  });

  it('lists what a proxy in front would answer for a network failure', () => {
    expect(renderDiagnosisText(diagnose(fixture('curl/refused-old.http')))).toContain('A proxy in front would answer: nginx 502, HAProxy 503');
    expect(renderDiagnosisText(diagnose(fixture('curl/truncated-body.http')))).toContain('nginx (status already sent, body cut short)');
  });

  it('says so when the paste shows no status (page text retyped in an issue title)', () => {
    const text = fixture('wild/envoy/xxx-rapid-go-197-title-capitalised.txt');
    expect(renderDiagnosisText(diagnose(text))).toMatch(/^response: \(no status shown\)\nIssued by: Envoy/);
    expect(renderDiagnosisText(diagnose(text, { locale: 'id' }))).toMatch(/^respons: \(status tidak terlihat\)\n/);
  });

  it('shows the headers and body it saw when the issuer is unknown', () => {
    const text = renderDiagnosisText(diagnose('HTTP/1.1 502 Bad Gateway\r\nServer: nginx\r\n\r\n<h1>Something broke on our side</h1>'));
    expect(text).toContain('Issued by: issuer unknown');
    expect(text).toContain('Seen:\n  Server: nginx');
    expect(text).toContain('Something broke on our side');
  });

  it('names the application found by elimination in the report language, and says it was inferred', () => {
    const raw = 'HTTP/1.1 500 Internal Server Error\r\nServer: nginx\r\nContent-Type: application/json\r\n\r\n{"error":"db"}';
    expect(renderDiagnosisText(diagnose(raw))).toContain('Issued by: the application behind it (or the next hop) · confidence: medium (inferred by elimination)');
    expect(renderDiagnosisText(diagnose(raw, { locale: 'id' }))).toContain('Dikeluarkan oleh: aplikasi di belakangnya (atau hop berikutnya) · keyakinan: sedang (disimpulkan dengan eliminasi)');
    const behindTwo = 'HTTP/1.1 500 Internal Server Error\r\nServer: nginx\r\nX-Varnish: 32770\r\nVia: 1.1 varnish\r\nContent-Type: application/json\r\n\r\n{"error":"db"}';
    expect(renderDiagnosisText(diagnose(behindTwo))).toContain('Issued by: the application behind them (or the next hop)');
  });

  it('says just "the application" when nothing else is in the path (a NestJS JSON error pasted alone)', () => {
    const text = fixture('wild/nestjs-docs/guard-forbidden-403.json');
    expect(renderDiagnosisText(diagnose(text))).toContain('Issued by: the application · confidence: low (inferred by elimination)\nPath: the application [issued here]');
    expect(renderDiagnosisText(diagnose(text, { locale: 'id' }))).toContain('Dikeluarkan oleh: aplikasinya · keyakinan: rendah');
  });

  it('escapes control characters that come from the response', () => {
    const hostile = 'HTTP/1.1 500 Internal Server Error\r\nX-Evil: \u001b[2J\u001b]0;pwned\u0007\r\n\r\n\u001b[31mred\u001b[0m\r\n';
    const text = renderDiagnosisText(diagnose(hostile));
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/u);
    expect(text).toContain('X-Evil: \\x1b[2J\\x1b]0;pwned\\x07');
    expect(text).toContain('\\x1b[31mred\\x1b[0m');
  });

  it('counts HAR entries without an error status instead of printing them', () => {
    const text = renderDiagnosisText(diagnose(fixture('har/checkout.har')));
    expect(text).toContain('entry 2: POST https://shop.example/api/checkout: HTTP/2 522');
    expect(text).not.toContain('entry 1:');
    expect(text).toContain('1 more response(s) without an error status are not shown.');
  });

  it('styles through the caller', () => {
    const style: TextStyle = { bold: (t) => `<b>${t}</b>`, dim: (t) => `<i>${t}</i>`, wrap: (t) => t };
    const text = renderDiagnosisText(diagnose(fixture('caddy/502-empty.http')), style);
    expect(text).toContain('<b>Issued by:</b> Caddy');
    expect(text).toContain('<i>[caddy-502-empty, high]</i>');
  });
});
