import { describe, expect, it } from 'vitest';
import { detectWild, parseLine, wildLines } from '../../../test/logs/helpers.ts';
import { CloudflaredParser, isCloudflaredMark } from './cloudflared.ts';
import { KIND } from './line-parser.ts';

// fastlayne/justlayme's cloudflare.log: a tunnel's start-up, then its origin (localhost:3000) refusing connections.
const LOG = 'cloudflared/fastlayne-justlayme-cloudflared.log';

describe('CloudflaredParser', () => {
  it("is detected by the tunnel's own lines", () => {
    expect(detectWild(LOG)).toBe('cloudflared');
  });

  it("reads a failed request as cloudflared's own 502, its path from dest and the origin from the line before", () => {
    const lines = wildLines(LOG);
    const at = lines.findIndex((l) => l.includes(' ERR Request failed '));
    const p = new CloudflaredParser();
    expect(parseLine(p, lines[at - 1] as string)).toBe(KIND.other);
    expect(parseLine(p, lines[at] as string)).toBe(KIND.access);
    expect(p.access()).toMatchObject({
      status: 502,
      timeMs: Date.parse('2025-06-16T02:04:10Z'),
      path: '/verify-email?token=3f63741ade06ee31dc6b894f0d6f33323c86d61e46b1512d05896e5095cf7055',
      upstream: 'http://localhost:3000',
      signal: { cause: 'refused', decisive: true, evidence: { kind: 'error-log' } },
    });
  });

  it('reads a request whose client went away as no status, the client having closed', () => {
    const line = wildLines(LOG).find((l) => l.includes('Incoming request ended abruptly') && l.includes('Request failed')) as string;
    const p = new CloudflaredParser();
    expect(parseLine(p, line)).toBe(KIND.access);
    expect(p.access()).toMatchObject({ status: 0, signal: { cause: 'client-closed' } });
  });

  it("reads the HTTP/2 connection's prefixed words for a client that went away, or its canceled context alone", () => {
    // A quick tunnel's log committed with its gunicorn origin (held-out set 109): clients that left, no origin failure.
    const lines = wildLines('cloudflared/alturaigi-senior-project-public-tunnel.log').filter((l) => l.includes('failed to serve incoming request'));
    const abrupt = lines.find((l) => l.includes('Incoming request ended abruptly')) as string;
    const canceled = lines.find((l) => l.endsWith('error="Failed to proxy HTTP: context canceled"') || l.includes('error="Failed to proxy HTTP: context canceled" ')) as string;
    for (const line of [abrupt, canceled]) {
      const p = new CloudflaredParser();
      expect(parseLine(p, line)).toBe(KIND.access);
      expect(p.access()).toMatchObject({ status: 0, signal: { cause: 'client-closed' } });
    }
  });

  it("marks a file by the tunnel's lines only, not by any program's zerolog console line", () => {
    const lines = wildLines(LOG);
    expect(isCloudflaredMark(lines[0] as string)).toBe(true);
    expect(isCloudflaredMark(lines[1] as string)).toBe(false);
  });
});
