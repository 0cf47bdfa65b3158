import { describe, expect, it } from 'vitest';
import type { WrapperId } from '../../types.ts';
import { isLooseChain, Unwrapper, unwrapSample, wrapperChain, type LineView } from './unwrapper.ts';

const view = (line: string): LineView => {
  const buf = Buffer.from(line);
  return { buf, text: buf.toString('latin1'), start: 0, end: buf.length };
};

/** Each line through one Unwrapper: the line inside its wrappers, or null while a partial record waits. */
function readAll(chain: readonly WrapperId[], lines: string[]): Array<string | null> {
  const unwrapper = new Unwrapper(chain);
  return lines.map((line) => {
    const { buf, text, start, end } = view(line);
    if (!unwrapper.read(buf, text, start, end)) return null;
    const l = unwrapper.line;
    return l.buf.toString('utf8', l.start, l.end);
  });
}

/** A json-file record as docker writes it, around `log` (JSON-escaped already). */
const dockerRecord = (log: string): string => `{"log":"${log}","stream":"stdout","time":"2024-05-14T00:00:00.000000001Z"}`;

/** The design proposal's example of a partial entry (kubernetes/design-proposals-archive, node/kubelet-cri-logging.md). */
const CRI_EXAMPLE = [
  '2016-10-06T00:17:09.669794202Z stdout F The content of the log entry 1',
  '2016-10-06T00:17:09.669794202Z stdout P First line of log entry 2',
  '2016-10-06T00:17:09.669794202Z stdout P Second line of the log entry 2',
  '2016-10-06T00:17:10.113242941Z stderr F Last line of the log entry 2',
];

describe('Unwrapper', () => {
  it('joins partial CRI records into the line they split, as the kubelet serves them', () => {
    expect(readAll(['cri'], CRI_EXAMPLE)).toEqual([
      'The content of the log entry 1',
      null,
      null,
      'First line of log entry 2Second line of the log entry 2Last line of the log entry 2',
    ]);
  });

  it('joins a long line docker split (synthetic records: every one but the last without its \\n)', () => {
    expect(readAll(['docker-json'], [dockerRecord('10.0.0.1 \\"GET /'), dockerRecord('a?b=1\\u0026c=2'), dockerRecord(' HTTP/1.1\\" 200\\n')])).toEqual([null, null, '10.0.0.1 "GET /a?b=1&c=2 HTTP/1.1" 200']);
  });

  it('reads lines without the wrappers as they are (a file may mix them)', () => {
    expect(readAll(['syslog', 'compose'], ['Apr 03 23:40:56 terve sh[22948]: caddy      | {"a":1}', 'caddy      | {"b":2}', '{"c":3}'])).toEqual(['{"a":1}', '{"b":2}', '{"c":3}']);
  });
});

describe('wrapperChain', () => {
  it('takes the wrappers most sample lines carry, the deeper chain on a tie, none for bare lines', () => {
    expect(wrapperChain(['web-1  | a', 'web-1  | b', '[pod/p/c] x'].map(view))).toEqual(['compose']);
    expect(wrapperChain(['web-1  | a', 'web-1  | app-1  | b'].map(view))).toEqual(['compose', 'compose']);
    expect(wrapperChain(['10.0.0.1 - - [01/May/2024:10:00:00 +0000] "GET / HTTP/1.1" 200 512'].map(view))).toEqual([]);
  });

  it('calls a chain loose only when all of it is a bare RFC 3339 time', () => {
    expect(isLooseChain(['timestamps'])).toBe(true);
    expect(isLooseChain(['compose', 'timestamps'])).toBe(false);
  });
});

describe('unwrapSample', () => {
  it('gives detection the lines inside, partial records joined, decoded lines copied out of the reused buffer', () => {
    const lines = unwrapSample(CRI_EXAMPLE.map(view), ['cri']).map((l) => l.buf.toString('utf8', l.start, l.end));
    expect(lines).toEqual(['The content of the log entry 1', 'First line of log entry 2Second line of the log entry 2Last line of the log entry 2']);
    const docker = ['{"log":"a \\"1\\"\\n","stream":"stdout","time":"2024-05-14T00:00:00Z"}', '{"log":"b \\"2\\"\\n","stream":"stdout","time":"2024-05-14T00:00:00Z"}'];
    expect(unwrapSample(docker.map(view), ['docker-json']).map((l) => l.text.slice(l.start, l.end))).toEqual(['a "1"', 'b "2"']);
  });
});
