import { describe, expect, it } from 'vitest';
import type { BuiltFingerprint, Match } from './fingerprint-schema.ts';
import { compileFingerprint, matchFingerprint } from './match-fingerprint.ts';
import type { ClientFailure, Observation, ParsedResponse } from './types.ts';

const text = { summary: 'A summary long enough for the schema.', causes: ['c'], whereToLook: ['w'], nextSteps: ['n'] };

function fingerprint(match: Match): BuiltFingerprint {
  return {
    id: 'sample',
    component: 'Sample',
    layer: 'reverse-proxy',
    role: 'issuer',
    confidence: 'high',
    source: 'https://example.org/source',
    match,
    text: { en: text, id: text },
    family: 'sample',
    kbVendor: null,
  };
}

function response(partial: Partial<ParsedResponse>): Observation {
  return {
    label: 'response',
    response: { httpVersion: '1.1', status: 502, reason: 'Bad Gateway', headers: [], body: '', truncated: false, form: 'message', bodyNote: null, ...partial },
    failure: null,
    hops: [],
  };
}

function failure(partial: Partial<ClientFailure>): Observation {
  return { label: 'response', response: null, failure: { tool: 'curl', exitCode: 7, kind: null, message: '', trace: [], ...partial }, hops: [] };
}

const match = (m: Match, obs: Observation) => matchFingerprint(compileFingerprint(fingerprint(m)), obs);

describe('matchFingerprint', () => {
  it('reads a whole-body pattern over blanks a paste left at line ends and at the end', () => {
    const m: Match = { status: [500], body: [{ regex: '^Internal Server Error$' }] };
    expect(match(m, response({ status: 500, body: 'Internal Server Error  \r\n\n' }))).toBeDefined();
    expect(match(m, response({ status: 500, body: 'Internal Server Error, see the log' }))).toBeUndefined();
  });

  it('needs every matcher, and returns one piece of evidence per matcher with the source', () => {
    const m: Match = { status: [502], headers: [{ name: 'server', value: '^caddy$' }], body: [{ empty: true }] };
    const evidence = match(m, response({ headers: [{ name: 'Server', value: 'Caddy' }], body: '' }));
    expect(evidence?.map((e) => [e.kind, e.name, e.value])).toEqual([
      ['status', null, '502'],
      ['header', 'Server', 'Caddy'],
      ['body', null, ''],
    ]);
    expect(evidence?.[0]).toMatchObject({ fingerprint: 'sample', component: 'Sample', confidence: 'high', source: 'https://example.org/source' });
    expect(match(m, response({ status: 504, headers: [{ name: 'Server', value: 'Caddy' }] }))).toBeUndefined();
    expect(match(m, response({ headers: [{ name: 'Server', value: 'Caddy' }], body: 'x' }))).toBeUndefined();
  });

  it('matches header values case-insensitively and bodies case-sensitively, with CRLF read as LF', () => {
    expect(match({ headers: [{ name: 'server', value: '^NGINX' }] }, response({ headers: [{ name: 'server', value: 'nginx/1.25.3' }] }))).toBeDefined();
    expect(match({ body: [{ contains: 'Bad Gateway' }] }, response({ body: 'bad gateway' }))).toBeUndefined();
    expect(match({ body: [{ contains: 'a\nb' }] }, response({ body: 'a\r\nb' }))).toBeDefined();
  });

  it('anchors body patterns to the whole body', () => {
    const m: Match = { body: [{ regex: '^no healthy upstream\\n?$' }] };
    expect(match(m, response({ body: 'no healthy upstream' }))).toBeDefined();
    expect(match(m, response({ body: 'error: no healthy upstream, retry later' }))).toBeUndefined();
  });

  it('never matches a body matcher against a response whose body was not captured', () => {
    expect(match({ body: [{ empty: true }] }, response({ body: null }))).toBeUndefined();
  });

  it('checks that a header is absent', () => {
    const m: Match = { headers: [{ name: 'server', absent: true }], body: [{ empty: true }] };
    expect(match(m, response({}))?.[0]).toMatchObject({ kind: 'header-absent', name: 'server' });
    expect(match(m, response({ headers: [{ name: 'Server', value: 'Caddy' }] }))).toBeUndefined();
  });

  it('needs one full alternative of anyOf', () => {
    const m: Match = { status: [522], anyOf: [{ headers: [{ name: 'cf-ray' }] }, { body: [{ contains: 'cf-wrapper' }] }] };
    expect(match(m, response({ status: 522, headers: [{ name: 'CF-RAY', value: '8a1b2c3d4e5f6a7b-SIN' }] }))?.map((e) => e.kind)).toEqual(['status', 'header']);
    expect(match(m, response({ status: 522, body: '<div id="cf-wrapper">' }))?.map((e) => e.kind)).toEqual(['status', 'body']);
    expect(match(m, response({ status: 522 }))).toBeUndefined();
  });

  it('matches curl failures by exit code, and their message against the message and curl\'s * lines', () => {
    const m: Match = { failure: { exitCodes: [7], message: 'Connection refused' } };
    const refused = failure({ message: "Failed to connect to localhost port 8080 after 0 ms: Couldn't connect to server", trace: ['connect to 127.0.0.1 port 8080 failed: Connection refused'] });
    expect(match(m, refused)?.[0]).toMatchObject({ kind: 'client-error', value: "curl: (7) Failed to connect to localhost port 8080 after 0 ms: Couldn't connect to server" });
    expect(match(m, failure({ message: 'Failed to connect: No route to host' }))).toBeUndefined();
    expect(match(m, failure({ exitCode: 52, message: 'Connection refused' }))).toBeUndefined();
    expect(match(m, failure({ tool: 'browser', exitCode: null, message: 'net::ERR_CONNECTION_REFUSED' }))).toBeUndefined();
  });
});

describe('compileFingerprint specificity', () => {
  it('ranks a fingerprint that pins down more of the response higher', () => {
    const broad = compileFingerprint(fingerprint({ body: [{ regex: '<center><h1>\\d{3} ' }] }));
    const narrow = compileFingerprint(fingerprint({ status: [502], body: [{ contains: '502 Bad Gateway' }, { regex: 'nginx' }] }));
    const withMessage = compileFingerprint(fingerprint({ failure: { exitCodes: [35], message: 'wrong version number' } }));
    const withoutMessage = compileFingerprint(fingerprint({ failure: { exitCodes: [35] } }));
    expect(narrow.specificity).toBeGreaterThan(broad.specificity);
    expect(withMessage.specificity).toBeGreaterThan(withoutMessage.specificity);
  });
});
