import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { isHttpwhyError } from '../../errors.ts';
import { analyzeLogs } from '../index.ts';
import { ClfTime } from './log-time.ts';
import { inZone, localZone, parseTimeZone } from './time-zone.ts';

const savedTz = process.env.TZ;
afterEach(() => {
  if (savedTz === undefined) delete process.env.TZ;
  else process.env.TZ = savedTz;
});

function errorOf(fn: () => unknown): string {
  try {
    fn();
    return 'no error';
  } catch (error) {
    return isHttpwhyError(error) ? `${error.code}: ${error.message}` : String(error);
  }
}

describe('parseTimeZone', () => {
  it('reads fixed offsets with or without a colon', () => {
    expect(parseTimeZone('+07:00').offsetAt(0)).toBe(420);
    expect(parseTimeZone('-0330').offsetAt(0)).toBe(-210);
    expect(parseTimeZone('+14:00').offsetAt(0)).toBe(840);
    expect(parseTimeZone('-12:00').offsetAt(0)).toBe(-720);
  });

  it('reads IANA zones, daylight saving time included', () => {
    expect(parseTimeZone('UTC').offsetAt(Date.UTC(2026, 10, 21, 23))).toBe(0);
    expect(parseTimeZone('Asia/Jakarta').offsetAt(Date.UTC(2026, 10, 21, 23))).toBe(420);
    const berlin = parseTimeZone('Europe/Berlin');
    expect(berlin.offsetAt(Date.UTC(2026, 0, 15, 12))).toBe(60);
    expect(berlin.offsetAt(Date.UTC(2026, 6, 15, 12))).toBe(120);
    // 29 March 2026: clocks go from 02:00 to 03:00 at 01:00 UTC.
    expect(berlin.offsetAt(Date.UTC(2026, 2, 29, 1, 30))).toBe(60);
    expect(berlin.offsetAt(Date.UTC(2026, 2, 29, 3, 30))).toBe(120);
    expect(parseTimeZone('America/St_Johns').offsetAt(Date.UTC(2026, 10, 21, 12))).toBe(-210);
  });

  it.each(['Mars/Olympus', '+15:00', '+07:60', '7', '', 'UTC; rm -rf /', '../etc/localtime'])('rejects %j with exit-2 code and a clear message', (value) => {
    expect(errorOf(() => parseTimeZone(value))).toBe(
      `HW_ERR_LOGS_BAD_OPTION: --tz must be an IANA time zone such as Europe/Berlin or UTC, or an offset from -12:00 to +14:00 such as +07:00; got "${value}".`,
    );
  });
});

describe('localZone', () => {
  it('follows TZ', () => {
    process.env.TZ = 'America/New_York';
    expect(localZone().offsetAt(Date.UTC(2026, 10, 21, 23))).toBe(-300);
    expect(localZone().offsetAt(Date.UTC(2026, 6, 1, 12))).toBe(-240);
    process.env.TZ = 'Asia/Kolkata';
    expect(localZone().offsetAt(Date.UTC(2026, 10, 21, 23))).toBe(330);
  });
});

describe('zone-less times', () => {
  it('ClfTime reads a time without a zone in its zone, and a written zone as written', () => {
    const clf = new ClfTime(parseTimeZone('Asia/Jakarta'));
    expect(clf.parse(Buffer.from('21/Nov/2026:23:00:00.123'), 0, 24) && clf.ms).toBe(Date.UTC(2026, 10, 21, 16, 0, 0, 123));
    expect(clf.offsetMin).toBe(420);
    expect(clf.parse(Buffer.from('21/Nov/2026:23:00:00 +0100'), 0, 26) && clf.ms).toBe(Date.UTC(2026, 10, 21, 22));
    expect(clf.offsetMin).toBe(60);
  });

  it('inZone places only zone-less times', () => {
    const zone = parseTimeZone('+02:00');
    expect(inZone({ ms: Date.UTC(2024, 4, 1, 10), local: true }, zone)).toEqual({ ms: Date.UTC(2024, 4, 1, 8), local: false });
    expect(inZone({ ms: Date.UTC(2024, 4, 1, 10), local: false }, zone)).toEqual({ ms: Date.UTC(2024, 4, 1, 10), local: false });
    expect(inZone({ ms: Date.UTC(2024, 4, 1, 10), local: true }, undefined)).toEqual({ ms: Date.UTC(2024, 4, 1, 10), local: true });
  });
});

describe('analyzeLogs joins HAProxy to an app log with zoned times', () => {
  const dir = mkdtempSync(join(tmpdir(), 'httpwhy-tz-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  // HAProxy on a Jakarta machine logs 23:00 local; the app logs the same moment in UTC. No request ids.
  writeFileSync(join(dir, 'haproxy.log'), '10.0.0.1:40000 [21/Nov/2026:23:00:00.123] fe be/srv1 0/0/1/2/3 500 10 - - ---- 1/1/1/1/0 0/0 "GET /pay HTTP/1.1"\n');
  writeFileSync(join(dir, 'app.log'), '2026-11-21T16:00:00.100Z ERROR GET /pay status=500 card declined\n');
  const run = (timeZone?: string) => analyzeLogs({ files: ['haproxy.log'], appFiles: ['app.log'], timeZone, cwd: dir, stdin: Readable.from([]) });

  it('with --tz naming the proxy machine zone', async () => {
    const r = await run('Asia/Jakarta');
    expect(r.timeRange).toEqual({ from: '2026-11-21T16:00:00.123Z', to: '2026-11-21T16:00:00.123Z' });
    expect(r.correlation.byTimeWindow).toBe(1);
    expect(r.causes[0]?.examples[0]?.appMessage).toBe('card declined');
  });

  it("by default in this machine's zone (TZ pinned), and not at all in a wrong zone", async () => {
    process.env.TZ = 'Asia/Jakarta';
    expect((await run()).correlation.byTimeWindow).toBe(1);
    process.env.TZ = 'UTC';
    const wrong = await run();
    expect(wrong.timeRange?.from).toBe('2026-11-21T23:00:00.123Z');
    expect(wrong.correlation.byTimeWindow).toBe(0);
    expect(wrong.causes[0]?.examples[0]?.appMessage).toBe('');
  });

  it('with --tz, places zone-less app times in that zone too (nginx logs UTC, the app its local clock)', async () => {
    writeFileSync(join(dir, 'nginx.log'), '10.0.0.1 - - [21/Nov/2026:16:00:00 +0000] "GET /pay HTTP/1.1" 500 5 "-" "curl/8.0"\n');
    writeFileSync(join(dir, 'app-local.log'), '2026-11-21 23:00:00,100 ERROR GET /pay status=500 card declined\n');
    const run2 = (timeZone?: string) => analyzeLogs({ files: ['nginx.log'], appFiles: ['app-local.log'], timeZone, cwd: dir, stdin: Readable.from([]) });
    // Without --tz a zone-less app time is compared with nginx's own wall clock (16:00): seven hours apart.
    expect((await run2()).correlation.byTimeWindow).toBe(0);
    expect((await run2('Asia/Jakarta')).correlation.byTimeWindow).toBe(1);
  });
});
