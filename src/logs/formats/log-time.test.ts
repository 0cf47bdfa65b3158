import { describe, expect, it } from 'vitest';
import { anyTime, ClfTime, durationSeconds, epochTime, parseIsoTime } from './log-time.ts';

function clf(parser: ClfTime, text: string): number {
  return parser.parseText(text) ? parser.ms : Number.NaN;
}

describe('ClfTime', () => {
  it('reads zones and notices every change of minute, zone, day and month', () => {
    const p = new ClfTime();
    expect(clf(p, '10/Oct/2000:13:55:36 -0700')).toBe(Date.UTC(2000, 9, 10, 20, 55, 36));
    expect(p.offsetMin).toBe(-420);
    expect(clf(p, '10/Oct/2000:13:55:59 -0700')).toBe(Date.UTC(2000, 9, 10, 20, 55, 59));
    expect(clf(p, '10/Oct/2000:13:56:00 -0700')).toBe(Date.UTC(2000, 9, 10, 20, 56, 0));
    expect(clf(p, '10/Oct/2000:13:56:00 +0530')).toBe(Date.UTC(2000, 9, 10, 8, 26, 0));
    expect(p.offsetMin).toBe(330);
    expect(clf(p, '10/Nov/2000:13:56:00 +0530')).toBe(Date.UTC(2000, 10, 10, 8, 26, 0));
    expect(clf(p, '11/Nov/2000:13:56:00 +0530')).toBe(Date.UTC(2000, 10, 11, 8, 26, 0));
  });

  it('reads HAProxy times with milliseconds and no zone as UTC wall clock', () => {
    const p = new ClfTime();
    expect(clf(p, '06/Feb/2009:12:14:14.655')).toBe(Date.UTC(2009, 1, 6, 12, 14, 14, 655));
    expect(p.offsetMin).toBe(0);
  });

  it('rejects what is not a CLF time', () => {
    const p = new ClfTime();
    for (const bad of ['', '10/Oct/2000', '10/Foo/2000:13:55:36 -0700', '10/Oct/2000:13:55:3x -0700', '2000-10-10T13:55:36Z', '10/Oct/2000:13:55:36 *0700']) {
      expect(clf(p, bad)).toBeNaN();
    }
  });

  it('checks every char, also when the minute is the cached one (nginx-format.ts relies on it)', () => {
    const p = new ClfTime();
    expect(clf(p, '10/Oct/2000:13:55:36 -0700')).not.toBeNaN();
    for (const bad of ['10/Oct/2000:13:55x36 -0700', '10/Oct/2000:13:55:36] -070', '10/Oct/2000:13:55:36x', '10/Oct/2000:13:55:36.12x', '10/Oct/2000:13:55:36.1 -0700']) {
      expect(clf(p, bad), bad).toBeNaN();
    }
    expect(clf(new ClfTime(), '10/Oct/2000:13x55:36 -0700')).toBeNaN();
  });
});

describe('parseIsoTime, epochTime, anyTime', () => {
  it('tells zoned (epoch) from unzoned (local wall clock) times', () => {
    expect(parseIsoTime('2024-05-01T10:00:00.123Z')).toEqual({ ms: Date.UTC(2024, 4, 1, 10, 0, 0, 123), local: false });
    expect(parseIsoTime('2024-05-01T10:00:00+0200')).toEqual({ ms: Date.UTC(2024, 4, 1, 8), local: false });
    expect(parseIsoTime('2024-05-01 10:00:00,250')).toEqual({ ms: Date.UTC(2024, 4, 1, 10, 0, 0, 250), local: true });
    expect(parseIsoTime('yesterday').ms).toBeNaN();
  });

  it('reads epoch seconds and milliseconds', () => {
    expect(epochTime(1714557600.5)).toEqual({ ms: 1714557600500, local: false });
    expect(epochTime(1714557600500)).toEqual({ ms: 1714557600500, local: false });
    expect(anyTime('1714557600')).toEqual({ ms: 1714557600000, local: false });
    expect(anyTime('2024-05-01T10:00:00Z').ms).toBe(Date.UTC(2024, 4, 1, 10));
    expect(anyTime(undefined).ms).toBeNaN();
  });
});

describe('durationSeconds', () => {
  it("reads Gin's Go durations, Heroku's timings and a protobuf Duration, and nothing else", () => {
    // Values as the wild corpus logs them: KrakenD's Gin line, Gin's µs, Heroku's connect=, Cloud Run's latency.
    expect(durationSeconds('8.296331ms')).toBeCloseTo(0.008296331, 12);
    expect(durationSeconds('31.851µs')).toBeCloseTo(0.000031851, 12);
    expect(durationSeconds('1m2.5s')).toBe(62.5);
    expect(durationSeconds('17ms')).toBe(0.017);
    expect(durationSeconds('60.369159188s')).toBe(60.369159188);
    for (const bad of [undefined, '', '-', '12', 's', '1.2.3ms', '5 ms']) expect(durationSeconds(bad)).toBeNaN();
  });
});
