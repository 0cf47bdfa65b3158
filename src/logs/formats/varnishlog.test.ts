import { describe, expect, it } from 'vitest';
import { detectWild, parseLine, wildLines } from '../../../test/logs/helpers.ts';
import { KIND } from './line-parser.ts';
import { VarnishlogParser } from './varnishlog.ts';

// aorith/varnishlog-parser's examples (test/fixtures/logs/wild/corpus.tsv has their provenance): `-g session` and
// `-g request` captures of a lab whose /admin backend refuses connections.
const SESSION = 'varnishlog/varnishlog-parser-complete1-session-503.txt';

/** A transaction block as varnishlog prints it. */
const block = (kind: string, vxid: number, tags: string[]) => [`*   << ${kind.padEnd(8)} >> ${vxid}`, ...tags.map((t) => `-   ${t}`), '-   End'];

/** The access records a run of lines gives, as [status, path, cause]. */
function requests(lines: readonly string[]): Array<[number, string, string | undefined]> {
  const p = new VarnishlogParser();
  return lines.flatMap((line) => (parseLine(p, line) === KIND.access ? [[p.access().status, p.access().path, p.access().signal?.cause] as [number, string, string | undefined]] : []));
}

describe('VarnishlogParser', () => {
  it('is detected by its transaction blocks', () => {
    expect(detectWild(SESSION)).toBe('varnishlog');
  });

  it("counts each client request once, ESI sub-requests not, and names Varnish's 503 whose backend fetch was refused", () => {
    const read = requests(wildLines(SESSION));
    expect(read).toHaveLength(6);
    expect(read.filter(([status]) => status >= 500)).toEqual([[503, '/admin', 'refused']]);
  });

  it('mechanics (synthetic blocks in vsl.rst layout): a fetch ended before its request, a restart, a cache hit, a backend 500', () => {
    const lines = [
      // -g vxid prints the fetch first when it ends first.
      ...block('BeReq', 3, ['Begin          bereq 2 fetch', 'BerespStatus   500', 'BerespReason   Internal Server Error']),
      ...block('Request', 2, ['Begin          req 1 rxreq', 'ReqMethod      GET', 'ReqURL         /app', 'Link           bereq 3 fetch', 'RespStatus     500']),
      ...block('Request', 4, ['Begin          req 1 rxreq', 'ReqURL         /old', 'VCL_return     restart', 'Link           req 5 restart']),
      ...block('Request', 5, ['Begin          req 4 restart', 'ReqURL         /new', 'RespStatus     503', 'RespReason     Service Unavailable']),
      ...block('Request', 6, ['Begin          req 1 rxreq', 'ReqURL         /cached', 'Hit            7 -1.000 10.000 0.000', 'RespStatus     503']),
    ];
    expect(requests(lines)).toEqual([
      [500, '/app', 'app-error'],
      [503, '/new', 'proxy-config'],
      [503, '/cached', undefined],
    ]);
  });
});
