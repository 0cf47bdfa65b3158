import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { jsonAmongProse, objectFromFragment } from './json-in-prose.ts';

describe('jsonAmongProse', () => {
  it('finds the object after a label and before a remark, braces inside strings included', () => {
    expect(jsonAmongProse('Response body:\n{\n  "message": "Endpoint request timed out {x}"\n}\n\nAny idea why?')).toEqual({ message: 'Endpoint request timed out {x}' });
    expect(jsonAmongProse('{"error": "a \\" } b"}%\nthat is all')).toEqual({ error: 'a " } b' });
  });

  it("finds an object after a short label on its line (corpus: slack/slacktee-not-in-channel.log)", () => {
    expect(jsonAmongProse('slacktee.sh: {"ok":false,"error":"not_in_channel"}')).toEqual({ ok: false, error: 'not_in_channel' });
  });

  it("finds an instance util.inspect printed after its class name (corpus: airtable/airtable-js-403-not-authorized.txt)", () => {
    const printed = readFileSync(new URL('../../test/fixtures/diagnose/wild/airtable/airtable-js-403-not-authorized.txt', import.meta.url), 'utf8');
    expect(printed.startsWith('AirtableError {')).toBe(true);
    expect(jsonAmongProse(printed)).toEqual({ error: 'NOT_AUTHORIZED', message: 'You are not authorized to perform this operation', statusCode: 403 });
  });

  it("takes no gRPC client's error object for a body (corpus: linkerd/linkerd2-2918-grpc-502-metadata.log)", () => {
    const printed = readFileSync(new URL('../../test/fixtures/diagnose/wild/linkerd/linkerd2-2918-grpc-502-metadata.log', import.meta.url), 'utf8');
    expect(jsonAmongProse(printed)).toBeUndefined();
  });

  it.each([
    ['no object', 'The site is down again'],
    ['an object that does not parse', 'Got:\n{ message: oops }'],
    ['an object that never closes', 'Got:\n{"message": "x"'],
    ['an array', 'Got:\n[1, 2]'],
    ['an object inside a long page', `${'line\n'.repeat(5)}{"a": 1}`],
  ])('finds nothing in %s', (_case, text) => {
    expect(jsonAmongProse(text)).toBeUndefined();
  });
});

describe('objectFromFragment', () => {
  it("closes an object's members copied without their braces, cut after a complete value", () => {
    const fragment = '    "status": 502,\n    "body": "",\n    "headers": [\n      { "value": "Netlify", "name": "Server" },\n      { "value": "0", "name": "Content-Length" }';
    expect(objectFromFragment(fragment)).toEqual({ status: 502, body: '', headers: [{ value: 'Netlify', name: 'Server' }, { value: '0', name: 'Content-Length' }] });
  });

  it('reads members copied with the closing brace but not the opening one (corpus: spring-boot/405-basic-error-controller-json.json)', () => {
    expect(objectFromFragment('"status":405,"error":"Method Not Allowed","path":"/rest/1"}')).toEqual({ status: 405, error: 'Method Not Allowed', path: '/rest/1' });
    expect(objectFromFragment('"status":405} and then some words')).toBeUndefined();
  });

  it('gives nothing for text that does not open with a key, or is cut inside a string or a key', () => {
    expect(objectFromFragment('status: 502')).toBeUndefined();
    expect(objectFromFragment('"status": 502, "body": "<html')).toBeUndefined();
    expect(objectFromFragment('"status": 502, "hea')).toBeUndefined();
  });
});
