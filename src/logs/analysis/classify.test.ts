import { describe, expect, it } from 'vitest';
import { accessRecord } from '../../../test/logs/helpers.ts';
import type { AppLink } from './app-join.ts';
import { classify, type ClassifyInput } from './classify.ts';
import type { ProxyErrorEvent, Signal } from '../types.ts';

const decisive = (cause: Signal['cause']): Signal => ({ cause, confidence: 'high', decisive: true, evidence: { kind: 'upstream-fields', detail: 'd' } });
const hint: Signal = { cause: 'upstream-failed', confidence: 'low', decisive: false, evidence: { kind: 'upstream-fields', detail: 'us=502' }, reason: 'ambiguous-upstream-status' };
const errorEvent = (cause: ProxyErrorEvent['cause'], phase: ProxyErrorEvent['phase'] = 'header', appMessage = ''): ProxyErrorEvent => ({
  time: { ms: 0, local: true },
  cause,
  phase,
  message: 'msg',
  client: '',
  request: '',
  connection: '',
  upstream: '',
  appMessage,
});
const app = (isError: boolean, status = 0, by: AppLink['by'] = 'request-id'): AppLink => ({
  by,
  confidence: by === 'request-id' ? 'high' : 'medium',
  isError,
  status,
  message: isError ? 'TypeError: x' : '',
  stack: isError ? { lines: ['    at handler (app.js:7:3)'], omitted: 2 } : null,
  ref: { file: 'app.log', line: 1 },
});
const input = (over: Partial<ClassifyInput>): ClassifyInput => ({ record: accessRecord(), error: null, app: null, coverage: 'none', ...over });

describe('classify', () => {
  it.each<[string, Partial<ClassifyInput>, string, string | null]>([
    ['009 whatever else says', { record: accessRecord({ status: 9, signal: decisive('app-error') }) }, 'non-http-reply', null],
    ['499', { record: accessRecord({ status: 499 }), app: app(true) }, 'client-closed', null],
    ['ALB 460', { record: accessRecord({ status: 460 }) }, 'client-closed', null],
    ['error log beats a decisive signal', { record: accessRecord({ signal: decisive('upstream-failed') }), error: errorEvent('reset') }, 'reset', null],
    ['FastCGI stderr is the app', { record: accessRecord({ status: 500 }), error: errorEvent('app-error', 'header', 'PHP Fatal error') }, 'app-error', null],
    ['a body-phase error says nothing about a 5xx', { record: accessRecord({ signal: decisive('refused') }), error: errorEvent('reset', 'body') }, 'refused', null],
    ['decisive signal beats the app log', { record: accessRecord({ status: 504, signal: decisive('timeout') }), app: app(true) }, 'timeout', null],
    ['app error line', { record: accessRecord({ status: 500 }), app: app(true) }, 'app-error', null],
    ['app 503 line', { record: accessRecord({ status: 503 }), app: app(false, 503) }, 'app-overload', null],
    ['app handled it fine but the client got 502', { record: accessRecord({ signal: hint }), app: app(false, 200) }, 'upstream-failed', null],
    ['app handled it, client got 504', { record: accessRecord({ status: 504 }), app: app(false, 0) }, 'timeout', null],
    ['app never saw it: 502', { coverage: 'covered' }, 'upstream-failed', null],
    ['app never saw it: 503', { record: accessRecord({ status: 503 }), coverage: 'covered' }, 'load-shed', null],
    ['ambiguous nginx fields and nothing else', { record: accessRecord({ signal: hint }) }, 'unknown', 'ambiguous-upstream-status'],
    ['app log logs only errors', { coverage: 'errors-only' }, 'unknown', 'app-log-errors-only'],
    ['app log elsewhere in time', { coverage: 'outside' }, 'unknown', 'app-log-no-coverage'],
    ['the error log was written then and says nothing of it: 500', { record: accessRecord({ status: 500 }), errorCovered: true }, 'app-error', null],
    ['the same for an ambiguous 502', { record: accessRecord({ signal: hint }), errorCovered: true }, 'app-error', null],
    ['not a 503: a `return 503` logs nothing', { record: accessRecord({ status: 503 }), errorCovered: true }, 'unknown', 'no-signals'],
    ['an error event decides, not the silence', { record: accessRecord({ status: 502 }), error: errorEvent('refused'), errorCovered: true }, 'refused', null],
    ['nothing at all', {}, 'unknown', 'no-signals'],
  ])('%s', (_name, over, cause, reason) => {
    const v = classify(input(over));
    expect(v.cause).toBe(cause);
    expect(v.reason).toBe(reason);
  });

  it('keeps the evidence, the app message and its stack, and says how the app line was joined', () => {
    const v = classify(input({ record: accessRecord({ status: 500, signal: decisive('app-error') }), app: app(true, 500, 'time-window') }));
    expect(v.evidence.map((e) => e.kind)).toEqual(['upstream-fields', 'app-error']);
    expect(v.appMessage).toBe('TypeError: x');
    expect(v.appStack).toEqual({ lines: ['    at handler (app.js:7:3)'], omitted: 2 });
    expect(classify(input({ record: accessRecord({ status: 502 }), app: app(false, 200) })).appStack).toBeNull();
    expect(v.correlation).toBe('time-window');
    expect(classify(input({ coverage: 'covered' })).evidence).toEqual([{ kind: 'app-absent', detail: '' }]);
  });
});
