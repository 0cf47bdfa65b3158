import { describe, expect, it } from 'vitest';
import { accessRecord } from '../../../test/logs/helpers.ts';
import { AppJoin, type Waiting } from './app-join.ts';
import type { AppEvent } from '../types.ts';

const T0 = Date.UTC(2024, 4, 1, 10);
const ref = { file: 'app.log', line: 3 };
const waiting = (over: Parameters<typeof accessRecord>[0] = {}): Waiting => ({ record: accessRecord(over), idLink: null, windowLink: null });
const appEvent = (over: Partial<AppEvent>): AppEvent => ({ time: { ms: T0, local: false }, requestId: '', method: '', path: '', status: 0, isError: false, message: '', stack: { lines: [], omitted: 0 }, ...over });

describe('AppJoin', () => {
  it('joins an entry to app lines read before it by request id (a Heroku stream prints the app line first; mechanics)', () => {
    const join = new AppJoin(2000, true);
    join.onApp(appEvent({ requestId: 'r1', isError: true, message: 'boom' }), ref);
    join.onApp(appEvent({ requestId: 'r1', status: 500, message: 'done' }), { file: 'app.log', line: 4 });
    const w = waiting({ requestId: 'r1' });
    join.add(w);
    expect(join.linkOf(w)).toMatchObject({ by: 'request-id', isError: true, status: 500, message: 'boom', ref });
    expect(join.idMatches).toBe(1);
    join.reset([w]);
    expect(join.idMatches).toBe(1);
    // App logs in their own files are read after the access logs: an app line no entry waits for is not kept.
    const ownFiles = new AppJoin(2000);
    ownFiles.onApp(appEvent({ requestId: 'r1', isError: true, message: 'boom' }), ref);
    const later = waiting({ requestId: 'r1' });
    ownFiles.add(later);
    expect(ownFiles.linkOf(later)).toBeNull();
  });

  it('joins by request id, keeping the first error message with its stack and the highest status', () => {
    const join = new AppJoin(2000);
    const w = waiting({ requestId: 'r1' });
    join.add(w);
    join.onApp(appEvent({ requestId: 'r1', message: 'start' }), ref);
    join.onApp(appEvent({ requestId: 'r1', isError: true, status: 500, message: 'boom', stack: { lines: ['    at f (a.js:1:2)'], omitted: 0 } }), { file: 'app.log', line: 4 });
    join.onApp(appEvent({ requestId: 'r1', isError: true, message: 'later', stack: { lines: ['    at g (b.js:3:4)'], omitted: 0 } }), ref);
    expect(join.linkOf(w)).toEqual({
      by: 'request-id',
      confidence: 'high',
      isError: true,
      status: 500,
      message: 'boom',
      stack: { lines: ['    at f (a.js:1:2)'], omitted: 0 },
      ref: { file: 'app.log', line: 4 },
    });
    expect(join.idMatches).toBe(1);
  });

  it('joins by time window and path when ids do not help, with confidence by the number of candidates', () => {
    const join = new AppJoin(2000);
    const a = waiting({ path: '/users/1?x=1' });
    const b = waiting({ path: '/users/1', timeMs: T0 + 500 });
    const other = waiting({ path: '/users/2' });
    const far = waiting({ path: '/users/3', timeMs: T0 + 60_000 });
    for (const w of [a, b, other, far]) join.add(w);
    join.onApp(appEvent({ path: '/users/1', method: 'GET', isError: true, message: 'x' }), ref);
    expect([join.linkOf(a)?.confidence, join.linkOf(b)?.confidence, join.linkOf(other), join.linkOf(far)]).toEqual(['low', 'low', null, null]);
    join.onApp(appEvent({ path: '/users/3', time: { ms: T0 + 61_000, local: false } }), ref);
    expect(join.linkOf(far)).toMatchObject({ by: 'time-window', confidence: 'medium', isError: false });
    join.onApp(appEvent({ path: '/users/3', method: 'POST', time: { ms: T0 + 60_000, local: false }, isError: true }), ref);
    expect(join.linkOf(far)?.isError).toBe(false);
  });

  it('prefers ids once they have matched, and then ignores window matches for entries with ids', () => {
    const join = new AppJoin(2000);
    const withId = waiting({ requestId: 'r2' });
    const other = waiting({ requestId: 'r3' });
    join.add(withId);
    join.add(other);
    join.onApp(appEvent({ requestId: 'r2', path: '/x' }), ref);
    expect(join.linkOf(withId)?.by).toBe('request-id');
    expect(join.linkOf(other)).toBeNull();
  });

  it('says whether a missing app line means anything', () => {
    const join = new AppJoin(2000);
    expect(join.coverage(accessRecord(), () => 1)).toBe('none');
    join.onApp(appEvent({ requestId: 'a', time: { ms: T0 - 10_000, local: false } }), ref);
    join.onApp(appEvent({ requestId: 'b', time: { ms: T0 + 10_000, local: false } }), ref);
    const w = waiting({ requestId: 'a' });
    join.add(w);
    join.onApp(appEvent({ requestId: 'a' }), ref);
    expect(join.coverage(accessRecord({ requestId: 'z' }), () => 4)).toBe('covered');
    expect(join.coverage(accessRecord({ requestId: 'z' }), () => 100)).toBe('errors-only');
    expect(join.coverage(accessRecord({ requestId: 'z', timeMs: T0 + 3_600_000 }), () => 4)).toBe('outside');
  });
});
