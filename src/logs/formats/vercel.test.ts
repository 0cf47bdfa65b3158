import { describe, expect, it } from 'vitest';
import { parseLine as parse, wildLines } from '../../../test/logs/helpers.ts';
import { KIND } from './line-parser.ts';
import { VercelParser, vercelSignal } from './vercel.ts';

describe('VercelParser', () => {
  it("reads a request Vercel answered itself, by its reason (corpus: vercel-runtime-log/vercel-examples-674)", () => {
    const [line] = wildLines('vercel-runtime-log/vercel-examples-674-edge-invocation-timeout-504.log');
    const p = new VercelParser();
    expect(parse(p, line as string)).toBe(KIND.access);
    expect(p.access()).toMatchObject({ status: 504, method: 'POST', path: '/api/chat', signal: { cause: 'timeout', confidence: 'high' } });
  });

  it("leaves a 5xx without a reason the function's, and reads no other bracketed line (corpus: krakend-gin/krakend-ce-682)", () => {
    expect(vercelSignal(500, '')).toMatchObject({ cause: 'app-error', confidence: 'medium' });
    expect(vercelSignal(500, 'FUNCTION_INVOCATION_FAILED')?.cause).toBe('upstream-failed');
    expect(vercelSignal(404, 'NOT_FOUND')).toBeNull();
    const p = new VercelParser();
    const gin = wildLines('krakend-gin/krakend-ce-682-backend-and-gateway-200-mixed.log').find((line) => line.startsWith('[GIN]'));
    expect(parse(p, gin as string)).toBe(KIND.none);
  });
});
