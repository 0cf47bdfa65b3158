import { describe, expect, it } from 'vitest';
import { accessRecord } from '../../../test/logs/helpers.ts';
import { ErrorIndex } from './error-index.ts';
import type { ProxyErrorEvent } from '../types.ts';

const T0 = Date.UTC(2024, 4, 1, 10);
const ref = { file: 'error.log', line: 1 };

function event(over: Partial<ProxyErrorEvent>): ProxyErrorEvent {
  return { time: { ms: T0, local: false }, cause: 'reset', phase: 'header', message: 'm', client: '10.0.0.1', request: 'GET /x', connection: '', upstream: '', appMessage: '', ...over };
}

describe('ErrorIndex', () => {
  it('links an event logged up to 2 s before the entry, once', () => {
    const index = new ErrorIndex();
    index.add(event({ time: { ms: T0 - 1500, local: false } }), ref);
    expect(index.link(accessRecord({ timeMs: T0 + 3000 }), false)).toBeNull();
    expect(index.link(accessRecord(), false)?.event.cause).toBe('reset');
    expect(index.link(accessRecord(), false)).toBeNull();
    expect(index.linked).toBe(1);
  });

  it('hands out the unclaimed events that stand for a response: a time-less one at once, a withdrawn status never', () => {
    const index = new ErrorIndex();
    const retried = event({ status: 502 });
    index.add(retried, ref);
    index.add(event({ status: 502, time: { ms: Number.NaN, local: false } }), ref);
    index.add(event({ status: 504, time: { ms: T0 + 60_000, local: false } }), ref);
    delete retried.status;
    expect(index.unclaimedResponses(T0 + 1000).map((s) => s.event.status)).toEqual([502]);
    expect(index.unclaimedResponses(Number.POSITIVE_INFINITY).map((s) => s.event.status)).toEqual([504]);
  });

  it('compares wall-clock events with the access entry in its own zone', () => {
    const index = new ErrorIndex();
    // nginx wrote 12:00:00 local; the access line says 12:00:00 +0200 = 10:00:00Z.
    index.add(event({ time: { ms: Date.UTC(2024, 4, 1, 12), local: true } }), ref);
    expect(index.link(accessRecord({ tzOffsetMin: 120 }), false)).not.toBeNull();
  });

  it('requires the same client and request line, or the same connection when both have one', () => {
    const index = new ErrorIndex();
    index.add(event({ client: '10.0.0.2' }), ref);
    index.add(event({ request: 'GET /other' }), ref);
    index.add(event({ connection: '7', client: '10.9.9.9' }), ref);
    expect(index.link(accessRecord(), false)).toBeNull();
    expect(index.link(accessRecord({ connection: '7', client: '10.0.0.1' }), false)?.event.connection).toBe('7');
  });

  it('keeps body-phase events apart, for 2xx entries', () => {
    const index = new ErrorIndex();
    index.add(event({ phase: 'body' }), ref);
    expect(index.bodyEvents).toBe(1);
    expect(index.hasBodyEventNear(T0, 0)).toBe(true);
    expect(index.hasBodyEventNear(T0 + 60_000, 0)).toBe(false);
    expect(index.link(accessRecord(), false)).toBeNull();
    expect(index.link(accessRecord({ status: 200 }), true)?.event.phase).toBe('body');
  });

  it('summarises unlinked events by cause', () => {
    const index = new ErrorIndex();
    index.add(event({ cause: 'timeout' }), ref);
    index.add(event({ cause: 'timeout', client: '10.0.0.3' }), ref);
    index.add(event({ cause: 'refused', client: '10.0.0.4' }), ref);
    index.link(accessRecord(), false);
    expect(index.unlinked(1).map((g) => [g.cause, g.count, g.examples.length])).toEqual([
      ['timeout', 1, 1],
      ['refused', 1, 1],
    ]);
  });
});
