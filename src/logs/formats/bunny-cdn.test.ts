import { describe, expect, it } from 'vitest';
import { detectWild, parseLine, wildLines } from '../../../test/logs/helpers.ts';
import { BunnyCdnParser } from './bunny-cdn.ts';
import { KIND } from './line-parser.ts';

// docs.bunny.net/cdn/logging: the Logging API v1 example line (its user agent elided by the doc itself).
const DOC_LINE = wildLines('bunny-cdn/bunny-docs-logging.log')[0] as string;

describe('BunnyCdnParser', () => {
  it('is detected from its pipe-separated line', () => {
    expect(detectWild('bunny-cdn/bunny-docs-logging.log')).toBe('bunny-cdn');
  });

  it('reads the status, the millisecond time, the client, the path of the URL and the request id', () => {
    const p = new BunnyCdnParser();
    expect(parseLine(p, DOC_LINE)).toBe(KIND.access);
    expect(p.access()).toMatchObject({ status: 200, timeMs: 1507167062421, client: '163.172.53.229', path: '/video.mp4', requestId: '322b688bd63fb63f2babe9de30a5d262', signal: null });
  });

  it('reads a user agent that holds a pipe of its own, and leaves a 5xx undecided', () => {
    // The doc's line with its status and user agent changed here to test the reading, not a published line.
    const p = new BunnyCdnParser();
    const line = DOC_LINE.replace('|200|', '|502|').replace('Mozilla/5.0...', 'agent|with pipe');
    expect(parseLine(p, line)).toBe(KIND.access);
    expect(p.access()).toMatchObject({ status: 502, path: '/video.mp4', requestId: '322b688bd63fb63f2babe9de30a5d262', signal: null });
  });

  it('does not read other pipe-separated text', () => {
    expect(parseLine(new BunnyCdnParser(), 'HIT|200|not a time|1|2|x|-|y|WA|ua|id|DE')).toBe(KIND.none);
    expect(parseLine(new BunnyCdnParser(), '| a | b | c |')).toBe(KIND.none);
  });
});
