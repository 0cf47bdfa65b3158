import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { isHttpwhyError } from '../../errors.ts';
import { analyzeLogs } from '../index.ts';
import { crossedThresholds, parseFailOn } from './fail-on.ts';

const FIXTURES = new URL('../../../test/fixtures/logs/', import.meta.url).pathname;

function errorOf(value: string): string {
  try {
    parseFailOn(value);
    return 'no error';
  } catch (error) {
    return isHttpwhyError(error) ? `${error.code}: ${error.message}` : String(error);
  }
}

describe('parseFailOn', () => {
  it('reads counts, rates in %, every operator and comma-separated lists', () => {
    expect(parseFailOn('proxy-issued>0')).toEqual([{ text: 'proxy-issued>0', metric: 'proxy-issued', rate: false, operator: '>', value: 0 }]);
    expect(parseFailOn(' 5xx-rate >= 1.5% , unknown=0,requests<10,5xx<=3').map((t) => [t.metric, t.rate, t.operator, t.value])).toEqual([
      ['5xx-rate', true, '>=', 1.5],
      ['unknown', false, '=', 0],
      ['requests', false, '<', 10],
      ['5xx', false, '<=', 3],
    ]);
  });

  it.each([
    ['proxy>0', 'unknown measure "proxy"; use one of requests, 5xx, proxy-issued, app-issued, unknown, skipped, 5xx-rate, proxy-issued-rate, app-issued-rate, unknown-rate'],
    ['5xx-rate>1', '5xx-rate is a percentage: write it with %, e.g. 5xx-rate>1%'],
    ['5xx-rate>150%', 'a percentage cannot exceed 100%'],
    ['5xx>1%', '5xx is a count: write a whole number without %'],
    ['5xx>1.5', '5xx is a count: write a whole number without %'],
    ['5xx', 'expected <measure><operator><number>, with > >= < <= or ='],
    ['5xx>>1', 'expected <measure><operator><number>, with > >= < <= or ='],
    ['5xx>-1', 'expected <measure><operator><number>, with > >= < <= or ='],
  ])('rejects %j', (value, why) => {
    expect(errorOf(value)).toBe(`HW_ERR_LOGS_BAD_OPTION: --fail-on "${value}": ${why}. Example: --fail-on "proxy-issued>0,5xx-rate>1%".`);
  });

  it('rejects an empty expression in a list', () => {
    expect(errorOf('5xx>0,')).toContain('--fail-on "5xx>0,": an empty expression');
    expect(errorOf('')).toContain('an empty expression');
  });
});

describe('crossedThresholds', () => {
  it('measures the HAProxy lab capture: 11 requests, 10 of them 5xx, 8 proxy-issued, 2 app-issued', async () => {
    const report = await analyzeLogs({ files: ['haproxy/access.log'], cwd: FIXTURES, stdin: Readable.from([]) });
    const crossed = (expr: string) => crossedThresholds(report, parseFailOn(expr)).map((c) => [c.threshold.text, c.actual]);
    expect(crossed('proxy-issued>0')).toEqual([['proxy-issued>0', 8]]);
    expect(crossed('proxy-issued>8,app-issued<2,unknown>0,skipped>0')).toEqual([]);
    expect(crossed('proxy-issued>=8,app-issued=2,5xx>9,requests<=11')).toEqual([
      ['proxy-issued>=8', 8],
      ['app-issued=2', 2],
      ['5xx>9', 10],
      ['requests<=11', 11],
    ]);
    // 10 of 11 = 90.91 %; 8 of 11 = 72.73 %.
    expect(crossed('5xx-rate>90%,5xx-rate>91%,proxy-issued-rate<72.8%,app-issued-rate>20%')).toEqual([
      ['5xx-rate>90%', 90.91],
      ['proxy-issued-rate<72.8%', 72.73],
    ]);
  });

  it('counts rates as 0 when there are no requests', async () => {
    const report = await analyzeLogs({ files: ['-'], cwd: FIXTURES, stdin: Readable.from([]) });
    expect(crossedThresholds(report, parseFailOn('5xx-rate>0%,5xx-rate=0%')).map((c) => c.threshold.text)).toEqual(['5xx-rate=0%']);
  });
});
