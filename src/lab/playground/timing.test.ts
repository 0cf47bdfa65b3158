import { EventEmitter } from 'node:events';
import type { ServerResponse } from 'node:http';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { pause, timedStream } from './timing.ts';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const response = () => Object.assign(new EventEmitter(), { destroyed: false }) as unknown as ServerResponse;

describe('pause', () => {
  it('resolves true after the delay and leaves no listener', async () => {
    const res = response();
    const done = pause(1000, res);
    await vi.advanceTimersByTimeAsync(1000);
    await expect(done).resolves.toBe(true);
    expect(res.listenerCount('close')).toBe(0);
  });

  it('resolves false as soon as the client leaves, and cancels its timer', async () => {
    const res = response();
    const done = pause(10_000, res);
    res.emit('close');
    await expect(done).resolves.toBe(false);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('timedStream', () => {
  it('produces each chunk on time', async () => {
    const chunks: string[] = [];
    const stream = timedStream(3, 100, 50, (i) => `c${i}`).setEncoding('utf8').on('data', (c: string) => chunks.push(c));
    await vi.advanceTimersByTimeAsync(99);
    expect(chunks).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(chunks).toEqual(['c0']);
    await vi.advanceTimersByTimeAsync(100);
    expect(chunks).toEqual(['c0', 'c1', 'c2']);
    await vi.advanceTimersByTimeAsync(0);
    expect(stream.readableEnded).toBe(true);
  });

  it('cancels its timer when destroyed', async () => {
    const stream = timedStream(100, 0, 1000, () => 'x').on('data', () => {});
    await vi.advanceTimersByTimeAsync(10);
    expect(vi.getTimerCount()).toBe(1);
    stream.destroy();
    expect(vi.getTimerCount()).toBe(0);
  });
});
