import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nghttpVerbose } from './nghttp-verbose.ts';

const wild = (path: string) => readFileSync(new URL(`../../test/fixtures/diagnose/wild/${path}`, import.meta.url), 'utf8');

// linkerd/linkerd PR #2007's nghttp -v output (corpus-z.tsv, held-out set 64).
describe("nghttp's verbose output", () => {
  it('rebuilds the head of the first stream that received a :status, its headers in order', () => {
    const lines = nghttpVerbose(wild('linkerd/linkerd1-pr2007-h2-502-nghttp.log').split('\n'));
    expect(lines[0]).toBe('HTTP/2 502');
    expect(lines.slice(1, -1).map((l) => l.split(':')[0])).toEqual(['l5d-err', 'content-type', 'content-length']);
    expect(lines.at(-1)).toBe('');
  });

  it('leaves other text alone', () => {
    const text = ['[  0.1] send HEADERS frame <length=1>', 'recv (stream_id=1) :status: 502'];
    expect(nghttpVerbose(text)).toBe(text);
  });
});
