import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseLine } from '../../../test/logs/helpers.ts';
import { HerokuRouterParser, herokuSignal } from './heroku-router.ts';
import { KIND } from './line-parser.ts';

const WILD = new URL('../../../test/fixtures/logs/wild/heroku/', import.meta.url);
/** The message of line `n` (1-based) of a corpus file, after Logplex's `time source[dyno]: `. */
const corpusMessage = (file: string, n: number): string => {
  const line = readFileSync(new URL(file, WILD), 'utf8').split('\n')[n - 1] as string;
  return line.slice(line.indexOf(']: ') + 3);
};

// Heroku Dev Center, "HTTP Routing" → "Heroku router log format": its info and error examples, after the prefix.
const DOC_INFO = 'at=info method=GET path=/ host=myapp.herokuapp.com fwd="204.204.204.204" dyno=web.1 connect=1ms service=18ms status=200 bytes=13';
const DOC_ERROR = 'at=error code=H12 desc="Request timeout" method=GET path=/ host=myapp.herokuapp.com fwd="204.204.204.204" dyno=web.1 connect= service=30000ms status=503 bytes=0';

describe('HerokuRouterParser', () => {
  it("reads the doc's info line: request, client, dyno, connect + service time; a 200 needs no signal", () => {
    const p = new HerokuRouterParser();
    expect(parseLine(p, DOC_INFO)).toBe(KIND.access);
    expect(p.access()).toMatchObject({ status: 200, method: 'GET', path: '/', client: '204.204.204.204', upstream: 'web.1', requestTime: 0.019, signal: null });
  });

  it('joins a router line cut before its status with the next line, when that line starts no record (corpus: heroku/iquiz-h12-split-line.log)', () => {
    const p = new HerokuRouterParser();
    const lines = readFileSync(new URL('iquiz-h12-split-line.log', WILD), 'utf8').split('\n');
    expect(parseLine(p, corpusMessage('iquiz-h12-split-line.log', 100))).toBe(KIND.none);
    expect(parseLine(p, lines[100] as string)).toBe(KIND.access);
    expect(p.access()).toMatchObject({ status: 503, path: '/quizes', signal: { cause: 'timeout' } });
    // A cut line followed by a record of its own is left cut: the record is read alone, not joined to it (mechanics:
    // the corpus's cut line put before another router line of the same file).
    expect(parseLine(p, corpusMessage('iquiz-h12-split-line.log', 100))).toBe(KIND.none);
    const whole = corpusMessage('iquiz-h12-split-line.log', 20);
    expect(parseLine(p, whole)).toBe(KIND.access);
    expect(p.access().path).toBe(/path="([^"]*)"/.exec(whole)?.[1]);
  });

  it("reads the doc's H12 line as the router's own timeout", () => {
    const p = new HerokuRouterParser();
    expect(parseLine(p, DOC_ERROR)).toBe(KIND.access);
    expect(p.access()).toMatchObject({ status: 503, requestTime: 30, signal: { cause: 'timeout', confidence: 'high', decisive: true, evidence: { kind: 'heroku-code', detail: 'code=H12 desc="Request timeout" status=503' } } });
  });

  it('reads an H10 with empty dyno and timings, quoted path and request_id (corpus: heroku/mattermost-giphy-6-h10.log)', () => {
    const p = new HerokuRouterParser();
    expect(parseLine(p, corpusMessage('mattermost-giphy-6-h10.log', 1))).toBe(KIND.access);
    expect(p.access()).toMatchObject({
      status: 503,
      method: 'POST',
      path: '/new_post',
      requestId: 'af261bc7-96be-41c8-a43f-79c73534bd09',
      client: '38.105.111.5',
      upstream: '',
      requestTime: Number.NaN,
      signal: { cause: 'app-start-failed', evidence: { kind: 'heroku-code' } },
    });
  });

  it('takes the code over at=info: H82 is the router refusing (corpus: heroku/refresh-sf-41-h82.log)', () => {
    const p = new HerokuRouterParser();
    expect(parseLine(p, corpusMessage('refresh-sf-41-h82.log', 1))).toBe(KIND.access);
    expect(p.access().signal).toMatchObject({ cause: 'load-shed', decisive: true });
  });

  it('reads the pre-2013 error form (corpus: heroku/node-twilio-20-legacy-h12.log)', () => {
    const p = new HerokuRouterParser();
    expect(parseLine(p, corpusMessage('node-twilio-20-legacy-h12.log', 1))).toBe(KIND.access);
    expect(p.access()).toMatchObject({ status: 503, method: 'POST', path: '/autoprovision/58', upstream: 'web.1', requestTime: 30, signal: { cause: 'timeout' } });
    expect(parseLine(p, 'Error H12 without the arrow')).toBe(KIND.none);
  });

  it('reads the pre-2013 request form, passed on to a dyno (corpus: heroku/sample-app2-2012-router-app-500.log)', () => {
    const p = new HerokuRouterParser();
    const line = readFileSync(new URL('sample-app2-2012-router-app-500.log', WILD), 'utf8').split('\n').find((l) => l.includes('heroku[router]: ')) as string;
    expect(parseLine(p, line.slice(line.indexOf(']: ') + 3))).toBe(KIND.access);
    expect(p.access()).toMatchObject({ status: 500, method: 'GET', path: '/pages/help', upstream: 'web.1', signal: { cause: 'app-error' } });
    expect(parseLine(p, 'GET example.com/ status=500')).toBe(KIND.none);
  });

  it.each([
    ['H10', 'app-start-failed'],
    ['H11', 'load-shed'],
    ['H12', 'timeout'],
    ['H13', 'reset'],
    ['H14', 'no-live-upstream'],
    ['H15', 'timeout'],
    ['H18', 'reset'],
    ['H19', 'timeout'],
    ['H20', 'app-start-failed'],
    ['H21', 'refused'],
    ['H27', 'client-closed'],
    ['H28', 'client-closed'],
    ['H80', 'proxy-config'],
    ['H81', 'no-live-upstream'],
    ['H99', 'upstream-failed'],
  ])('maps %s (Heroku Error Codes) to %s', (code, cause) => {
    expect(herokuSignal(503, code, '')).toMatchObject({ cause, confidence: 'high', decisive: true });
  });

  it("leaves a dyno's status below 499 the dyno's when the client went away after it (H27 with status=404, held-out set 233)", () => {
    expect(herokuSignal(404, 'H27', 'Client Request Interrupted', 'client')).toBeNull();
    expect(herokuSignal(499, 'H27', 'Client Request Interrupted', 'client')).toMatchObject({ cause: 'client-closed' });
  });

  it("an unknown H code is still the router's, with less confidence; at=info 5xx is the dyno's", () => {
    expect(herokuSignal(503, 'H98', '')).toMatchObject({ cause: 'upstream-failed', confidence: 'medium' });
    expect(herokuSignal(500, '', '')).toMatchObject({ cause: 'app-error', decisive: true });
    expect(herokuSignal(503, '', '')).toMatchObject({ cause: 'app-overload' });
    expect(herokuSignal(404, '', '')).toBeNull();
  });

  it('an H18 whose client socket closed is the client going away, the dyno side a reset (Heroku support, SO 12704777)', () => {
    expect(herokuSignal(503, 'H18', 'Request Interrupted', 'client')).toMatchObject({ cause: 'client-closed', evidence: { detail: 'sock=client code=H18 desc="Request Interrupted" status=503' } });
    expect(herokuSignal(503, 'H18', 'Server Request Interrupted', 'backend')).toMatchObject({ cause: 'reset' });
    const p = new HerokuRouterParser();
    parseLine(p, 'sock=client at=error code=H18 desc="Request Interrupted" method=GET  connect=1ms service=113ms status=503 bytes=11359');
    expect(p.access().signal).toMatchObject({ cause: 'client-closed' });
  });

  it('reads a line that starts with sock= and refuses lines with no request or status (mechanics)', () => {
    const p = new HerokuRouterParser();
    expect(parseLine(p, 'sock=client at=warning code=H27 desc="Client Request Interrupted" method=GET path="/" status=499 bytes=')).toBe(KIND.access);
    expect(p.access()).toMatchObject({ status: 499, signal: { cause: 'client-closed' } });
    expect(parseLine(p, 'State changed from up to crashed')).toBe(KIND.none);
    expect(parseLine(p, 'at=info msg="no request here"')).toBe(KIND.none);
    expect(parseLine(p, 'at=info method=GET path=/ status=')).toBe(KIND.none);
  });
});
