import { describe, expect, it } from 'vitest';
import { detectWild, parseLine, wildLines } from '../../../test/logs/helpers.ts';
import { detectInput } from './detect.ts';
import { KIND } from './line-parser.ts';
import { PoundParser } from './pound.ts';

// graygnuorg/pound issues 44 and 67 (test/fixtures/logs/wild/corpus.tsv has their provenance), behind syslog.
const NO_BACKEND = 'pound-log/pound-issue44-e503-no-backend.log';
const READ_TIMEOUT = 'pound-log/pound-issue67-e500-read-timeout.log';
const inside = (line: string) => line.slice(line.indexOf(']: ') + 3);

describe('PoundParser', () => {
  it('is detected inside syslog by its thread-id lines', () => {
    expect(detectWild(NO_BACKEND)).toBe('pound');
    const buf = Buffer.from(wildLines(READ_TIMEOUT).join('\n'));
    expect(detectInput(buf, true, false, { appFields: {} })).toMatchObject({ format: 'pound', wrappers: ['syslog'] });
  });

  it("reads an e503 line as the request Pound answered itself, its request and the missing backend", () => {
    const p = new PoundParser();
    expect(parseLine(p, inside(wildLines(NO_BACKEND)[3] as string))).toBe(KIND.access);
    expect(p.access()).toMatchObject({ status: 503, client: '34.202.88.37', method: 'GET', path: '/robots.txt', signal: { cause: 'no-live-upstream', confidence: 'high' } });
  });

  it("reads Pound 2.x's wording of its own 500, the client's body not passed on (graygnuorg/pound#27)", () => {
    const p = new PoundParser();
    expect(parseLine(p, wildLines('pound-log/pound-27-e500-error-copy-client-cont.log')[0] as string)).toBe(KIND.access);
    expect(p.access()).toMatchObject({ status: 500, method: 'POST', path: '/EWS/mrsproxy.svc', signal: { cause: 'client-closed' } });
  });

  it('counts the request log line after an error line as the same request, and its diagnostics as nothing to count', () => {
    const p = new PoundParser();
    const kinds = wildLines(READ_TIMEOUT).map((line) => parseLine(p, inside(line)));
    expect(kinds).toEqual([KIND.other, KIND.access, KIND.other, KIND.other, KIND.access, KIND.other]);
  });
});
