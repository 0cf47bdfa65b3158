import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildFingerprints } from './build-fingerprints.ts';

const dataDir = fileURLToPath(new URL('../../data/fingerprints', import.meta.url));

describe('data/fingerprints', () => {
  const { bundle, errors } = buildFingerprints(dataDir);

  it('is valid', () => {
    expect(errors).toEqual([]);
  });

  it('matches build/fingerprints.json (run npm run build:data after editing data/fingerprints)', () => {
    const built: unknown = JSON.parse(readFileSync(new URL('../../build/fingerprints.json', import.meta.url), 'utf8'));
    expect(built).toEqual(JSON.parse(JSON.stringify(bundle)));
  });

  it('covers every component family issue 4 asks for', () => {
    const components = new Set(bundle.fingerprints.map((fp) => fp.component));
    for (const name of [
      'nginx', 'ingress-nginx', 'Apache httpd', 'HAProxy', 'Envoy', 'Istio (Envoy)', 'Caddy', 'Go httputil.ReverseProxy', 'Traefik',
      'Varnish', 'Fastly', 'Cloudflare', 'AWS Application Load Balancer', 'Amazon CloudFront', 'Amazon API Gateway', 'AWS Lambda',
      'Vercel', 'Netlify', 'Heroku router', 'Google Front End', 'Azure Front Door', 'Azure Application Gateway', 'IIS Application Request Routing',
      'Akamai', 'IIS', 'ASP.NET Core Module (IIS)', 'Gunicorn', 'uWSGI', 'Puma', 'PHP-FPM', 'Express', 'Fastify', 'Next.js', 'Django',
      'Flask (Werkzeug)', 'Ruby on Rails', 'Spring Boot', 'ASP.NET Core', 'curl',
    ]) {
      expect(components, name).toContain(name);
    }
  });

  it('has Indonesian text that is a translation, not a copy of the English', () => {
    for (const fp of bundle.fingerprints) {
      expect(fp.text.id.summary, fp.id).not.toBe(fp.text.en.summary);
      if (fp.role === 'issuer') expect(fp.text.id.causes, fp.id).not.toEqual(fp.text.en.causes);
    }
  });

  it('cites an http(s) source for every fingerprint', () => {
    for (const fp of bundle.fingerprints) expect(fp.source, fp.id).toMatch(/^https:\/\//);
  });
});

function buildOne(yaml: string, name = 'sample') {
  const dir = mkdtempSync(join(tmpdir(), 'httpwhy-fp-'));
  writeFileSync(join(dir, `${name}.yaml`), yaml);
  return buildFingerprints(dir).errors;
}

const text = (lang: string) => `
      ${lang}:
        summary: A summary that is long enough to pass.
        causes: [one cause]
        whereToLook: [one place]
        nextSteps: [one step]`;

describe('buildFingerprints', () => {
  it('lists every problem of a bad file instead of stopping at the first', () => {
    const errors = buildOne(`
family: other
fingerprints:
  - id: Bad_Id
    component: x
    layer: moon
    role: issuer
    confidence: sure
    source: not a url
    match:
      status: [502]
      body:
        - regex: '([unclosed'
    text:${text('en')}${text('id')}
`);
    const joined = errors.join('\n');
    for (const problem of ['family "other" must equal the file name', 'id', 'layer', 'confidence', 'source', 'regular expression', 'component']) {
      expect(joined).toContain(problem);
    }
  });

  it('refuses a status-only fingerprint, translations with a different number of items, and unknown refinements', () => {
    const errors = buildOne(`
family: sample
fingerprints:
  - id: status-only
    component: Thing
    layer: cdn
    role: issuer
    confidence: low
    source: https://example.org/doc
    refines: Nothing
    match:
      status: [502]
    text:${text('en')}
      id:
        summary: Ringkasan yang cukup panjang untuk lolos.
        causes: [satu, dua]
        whereToLook: [satu tempat]
        nextSteps: [satu langkah]
`);
    expect(errors.join('\n')).toMatch(/status alone identifies nothing/);
    expect(errors.join('\n')).toMatch(/text.id.causes has 2 item\(s\), text.en.causes has 1/);
    expect(errors.join('\n')).toMatch(/refines "Nothing"/);
  });

  it('reports YAML syntax errors with the file', () => {
    expect(buildOne('family: [unclosed')[0]).toMatch(/sample\.yaml: not valid YAML/);
  });
});
