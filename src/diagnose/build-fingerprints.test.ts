import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
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
      'Vercel', 'Netlify', 'Heroku router', 'Google Front End', 'Google Cloud Load Balancing', 'Google App Engine', 'Azure Front Door', 'Azure Application Gateway', 'Azure App Service', 'GitHub Pages', 'Firebase Hosting', 'Railway', 'Render', 'Kong Gateway', 'Apache Traffic Server', 'Zscaler Internet Access', 'Forcepoint Web Security (Websense)', 'Blue Coat ProxySG (Symantec)', 'Palo Alto Networks firewall', 'IIS Application Request Routing',
      'Akamai', 'AWS Classic Load Balancer', 'Amazon S3', 'IIS', 'ASP.NET Core Module (IIS)', 'Gunicorn', 'uWSGI', 'Puma', 'PHP-FPM', 'Express', 'Fastify', 'Next.js', 'Django',
      'Flask (Werkzeug)', 'Ruby on Rails', 'Spring Boot', 'ASP.NET Core', 'curl',
      // issue 12: the servers, proxies and frameworks people meet
      'OpenResty', 'Tengine', 'Nginx Proxy Manager', 'Squid', 'LiteSpeed', 'HTTP.sys', 'ASP.NET',
      'Apache Tomcat', 'Jetty', 'Uvicorn', 'FastAPI', 'http-proxy-middleware', 'Create React App dev server',
      'Go net/http', 'Laravel', 'Symfony',
    ]) {
      expect(components, name).toContain(name);
    }
  });

  it('has Indonesian text that is a translation, not a copy of the English', () => {
    // Only an issuer has causes.
    const copied = bundle.fingerprints.flatMap((fp) => [
      ...(fp.text.id.summary === fp.text.en.summary ? [`${fp.id}: summary`] : []),
      ...(fp.role === 'issuer' && isDeepStrictEqual(fp.text.id.causes, fp.text.en.causes) ? [`${fp.id}: causes`] : []),
    ]);
    expect(copied).toEqual([]);
  });

  it('cites an http(s) source for every fingerprint', () => {
    for (const fp of bundle.fingerprints) expect(fp.source, fp.id).toMatch(/^https:\/\//);
  });
});

const serviceText = `    summary: 'A service answered {status} itself, by its host {host}.'\n    clientSummary: 'A service answered {status} itself, by its client {client}.'\n    causes4xx: ['a bad token']\n    causes5xx: ['an outage']\n    whereToLook: ['its status page']\n    nextSteps: ['retry later']\n`;
/** service-hosts.yaml with these services (YAML list items). */
const serviceHosts = (services: string) => `behindEdgeStatuses: [404]\ntext:\n  en:\n${serviceText}  id:\n${serviceText}services:\n${services}`;
const SERVICE = (component: string, host: string) => `  - component: ${component}\n    hosts: [${host}]\n    ownEdge: true\n    source: https://example.org/api\n`;

/** Writes the files (an empty elimination.yaml, default-pages.yaml and a one-service service-hosts.yaml unless given) and returns the build's problems. */
function buildFiles(files: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'httpwhy-fp-'));
  const defaults = { 'elimination.yaml': 'appServers: []\nrules: []\n', 'default-pages.yaml': 'templates: []\n', 'service-hosts.yaml': serviceHosts(SERVICE('Example API', 'api.example.org')) };
  for (const [name, yaml] of Object.entries({ ...defaults, ...files })) writeFileSync(join(dir, name), yaml);
  return buildFingerprints(dir).errors;
}

function buildOne(yaml: string, name = 'sample') {
  return buildFiles({ [`${name}.yaml`]: yaml });
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

  it("takes a status alone only where the family's vendor is the only one that sends it (Cloudflare's 522, not 521 or 530), or as a low-confidence guess", () => {
    const family = (statuses: string, confidence = 'medium') => `
family: sample
kbVendor: cloudflare
fingerprints:
  - id: own-status
    component: Thing
    layer: cdn
    role: issuer
    confidence: ${confidence}
    source: https://example.org/doc
    match:
      status: [${statuses}]
    text:${text('en')}${text('id')}
`;
    expect(buildOne(family('522, 523')).join('\n')).not.toMatch(/status alone/);
    // 530 is Pantheon's too in the knowledge base, and 521 Zoraxy's.
    expect(buildOne(family('522, 530')).join('\n')).toMatch(/status alone identifies nothing unless only the family's vendor sends it/);
    expect(buildOne(family('521')).join('\n')).toMatch(/status alone identifies nothing unless only the family's vendor sends it/);
    // At low confidence the vendor's code shared with a rarer component may stand alone; a code that is not the
    // vendor's at all (502) may not.
    expect(buildOne(family('521, 530', 'low')).join('\n')).not.toMatch(/status alone/);
    expect(buildOne(family('521, 502', 'low')).join('\n')).toMatch(/status alone identifies nothing/);
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

const SOURCE = 'https://example.org/proxy';
const answersFile = (rows: string) => `
sources:
  proxy: ${SOURCE}
failures:${rows}
`;
const row = (head: string, answers = `[{ component: nginx, status: 502, source: ${SOURCE} }]`) => `
  - ${head}
    answers: ${answers}`;

const curlFailure = (extra: string) => `
family: curl
fingerprints:
  - id: curl-sample
    component: curl
    layer: client-tooling
    role: issuer
    confidence: high
    source: https://curl.se/libcurl/c/libcurl-errors.html
    match:
      failure:
        exitCodes: [1]
    networkFailure: invalid-response${extra}
    text:${text('en')}${text('id')}
`;

describe('buildFingerprints: proxy-answers.yaml', () => {
  it('reads it as the proxies\' answers, not as a family', () => {
    const errors = buildFiles({ 'curl.yaml': curlFailure(''), 'proxy-answers.yaml': answersFile(row('kind: invalid-response')) });
    expect(errors).toEqual([]);
  });

  it('is required', () => {
    expect(buildFiles({ 'curl.yaml': curlFailure('') }).join('\n')).toMatch(/proxy-answers\.yaml: missing/);
  });

  it('refuses a failure listed twice, a detail on another kind, a component answering twice, and a phase row with no general row', () => {
    const errors = buildFiles({
      'curl.yaml': curlFailure(''),
      'proxy-answers.yaml': answersFile(
        row('kind: refused') +
          row('kind: refused') +
          row('kind: reset\n    detail: bad-header') +
          row('kind: dns', `[{ component: nginx, status: 502, source: ${SOURCE} }, { component: nginx, status: 504, source: ${SOURCE} }]`) +
          row('kind: timeout-connect\n    phase: tls'),
      ),
    }).join('\n');
    expect(errors).toMatch(/refused\/\*\/\*: the same failure is listed twice/);
    expect(errors).toMatch(/reset\/\*\/bad-header: a detail belongs to invalid-response only/);
    expect(errors).toMatch(/dns\/\*\/\*: nginx answer\(s\) twice/);
    expect(errors).toMatch(/timeout-connect\/tls\/\*: needs a row for timeout-connect alone/);
  });

  it('refuses an unknown kind, a status out of range and a source that is not a URL', () => {
    const errors = buildFiles({
      'curl.yaml': curlFailure(''),
      'proxy-answers.yaml': answersFile(row('kind: moon') + row('kind: reset', '[{ component: nginx, status: 999, source: nowhere }]')),
    }).join('\n');
    expect(errors).toMatch(/failures\.0\.kind/);
    expect(errors).toMatch(/failures\.1\.answers\.0\.status/);
    expect(errors).toMatch(/failures\.1\.answers\.0\.source/);
  });

  it('refuses a fingerprint whose failure detail has no row', () => {
    const errors = buildFiles({
      'curl.yaml': curlFailure('\n    networkFailureDetail: bad-status-line'),
      'proxy-answers.yaml': answersFile(row('kind: invalid-response')),
    });
    expect(errors.join('\n')).toMatch(/curl-sample: proxy-answers\.yaml has no row for invalid-response with detail bad-status-line/);
  });
});

describe('buildFingerprints: service-hosts.yaml', () => {
  it('refuses a host listed for two services, a host that is no host name, and an unknown placeholder', () => {
    const twice = buildFiles({ 'curl.yaml': curlFailure(''), 'service-hosts.yaml': serviceHosts(SERVICE('One API', 'api.example.org') + SERVICE('Other API', 'api.example.org')) });
    expect(twice.join('\n')).toMatch(/host "api\.example\.org" is listed for One API and Other API/);
    const url = buildFiles({ 'curl.yaml': curlFailure(''), 'service-hosts.yaml': serviceHosts(SERVICE('One API', 'https://x.org')) });
    expect(url.join('\n')).toMatch(/services\.0\.hosts\.0: a lower-case host name/);
    const placeholder = buildFiles({ 'curl.yaml': curlFailure(''), 'service-hosts.yaml': serviceHosts(SERVICE('One API', 'api.example.org')).replace('{host}', '{hostname}') });
    expect(placeholder.join('\n')).toMatch(/unknown placeholder \{hostname\}/);
  });
});

describe('buildFingerprints: elimination.yaml', () => {
  const rule = (when: string, summary = 'The application behind {behind} sent this {status}, by elimination.') => `
  - id: sample-rule
    when:
${when}
    verdict: app
    confidence: medium
    sources: [${SOURCE}]
    text:
      en: { summary: '${summary}', whereToLook: [the app log], nextSteps: [call the app] }
      id: { summary: '${summary}', whereToLook: [log aplikasi], nextSteps: [panggil aplikasinya] }`;

  it('is required', () => {
    const dir = mkdtempSync(join(tmpdir(), 'httpwhy-fp-'));
    writeFileSync(join(dir, 'curl.yaml'), curlFailure(''));
    expect(buildFingerprints(dir).errors.join('\n')).toMatch(/elimination\.yaml: missing/);
  });

  it('refuses families that no fingerprint file defines, and unknown placeholders', () => {
    const errors = buildFiles({
      'curl.yaml': curlFailure(''),
      'elimination.yaml': `appServers: [gunicron]\nrules:${rule('      behind: [nginks]', 'Sent by {who}, the application behind {behind}.')}\n`,
    }).join('\n');
    expect(errors).toMatch(/appServers: no fingerprint family "gunicron"/);
    expect(errors).toMatch(/sample-rule: behind: no fingerprint family "nginks"/);
    expect(errors).toMatch(/sample-rule: unknown placeholder \{who\}/);
  });

  it('refuses a rule that does not know who is in the path, and an app verdict without confidence', () => {
    const errors = buildFiles({
      'curl.yaml': curlFailure(''),
      'elimination.yaml': `appServers: []\nrules:${rule('      statuses: [500]').replace('    confidence: medium\n', '')}\n`,
    }).join('\n');
    expect(errors).toMatch(/needs a confidence/);
    expect(errors).toMatch(/who is in the path/);
  });
});
