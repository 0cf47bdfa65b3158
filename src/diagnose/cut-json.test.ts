import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { closeCutObject } from './cut-json.ts';
import { diagnose } from './diagnose.ts';

const wild = (path: string) => readFileSync(new URL(`../../test/fixtures/diagnose/wild/${path}`, import.meta.url), 'utf8');

describe('closeCutObject', () => {
  it('closes an object cut after a comma at its last complete member (caddyserver/caddy#3672)', () => {
    const closed = closeCutObject(wild('caddy/xxx-error-log-3672-making-dial-info-cut.txt'));
    expect(JSON.parse(closed ?? '')).toMatchObject({ logger: 'http.log.error', msg: expect.stringMatching(/^making dial info: /) });
  });

  it('drops a member cut in its middle, inside a nested object or a string, and keeps the members before it', () => {
    const line = '{"level":"error","logger":"http.log.error","msg":"dial tcp","request":{"method":"GET","headers":{"Accept":["text/html,ap';
    expect(JSON.parse(closeCutObject(line) ?? '')).toEqual({ level: 'error', logger: 'http.log.error', msg: 'dial tcp' });
    expect(JSON.parse(closeCutObject('{"a":1,"b":"x, y","c":"cut her') ?? '')).toEqual({ a: 1, b: 'x, y' });
  });

  it('leaves whole JSON, other shapes and text with too little in it alone', () => {
    expect(closeCutObject('{"a":1,"b":2}')).toBeNull();
    expect(closeCutObject(wild('fastify/500-fastify-mongodb-155.json'))).toBeNull();
    expect(closeCutObject('[{"a":1,')).toBeNull();
    expect(closeCutObject('{"a":1,\n"b":')).toBeNull();
    expect(closeCutObject('{"log": {"entries": [{"response": {"sta')).toBeNull();
    expect(closeCutObject('{"a":1,"b')).toBeNull();
  });
});

describe('diagnose on a cut-off JSON log line', () => {
  it("reads Caddy's error line up to the cut, names Caddy and says the JSON was cut", () => {
    const [d] = diagnose(wild('caddy/xxx-error-log-3672-making-dial-info-cut.txt')).diagnoses;
    expect(d).toMatchObject({ status: null, issuer: { component: 'Caddy', fingerprint: 'caddy-error-log-dial-info' } });
    expect(d?.notes[0]).toMatch(/cut off where the paste ends/);
  });
});
