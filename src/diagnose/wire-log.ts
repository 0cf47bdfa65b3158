/**
 * A response as Apache HttpClient's wire log shows it (logger `org.apache.http.wire` in 4.x, `httpclient.wire` in 3.x;
 * SoapUI, JMeter and many Java clients print it): every chunk read on a line of its own, `<< "` before it and `"`
 * after, line ends as `[\r][\n]` and other control bytes as `[0x1b]`; what was sent is on `>> "` lines.
 * `DEBUG ... http-outgoing-0 << "HTTP/1.1 503 Service Unavailable[\r][\n]"`.
 */

const RECEIVED = /(?:^|[\s:\]])<< "(.*)"\s*$/;
const BYTE = /\[(\\r|\\n|0x[0-9a-f]{1,2})\]/gi;

function decode(chunk: string): string {
  return chunk.replace(BYTE, (_m, b: string) => (b === '\\r' ? '\r' : b === '\\n' ? '\n' : String.fromCharCode(Number.parseInt(b.slice(2), 16))));
}

/** The received bytes joined, as lines, when the paste holds a wire log of a response; else null. */
export function wireLogResponse(lines: readonly string[]): string[] | null {
  const chunks = lines.flatMap((l) => {
    const m = RECEIVED.exec(l);
    return m ? [m[1] ?? ''] : [];
  });
  if (chunks.length < 2) return null;
  const text = chunks.map(decode).join('');
  return /^HTTP\/\d/.test(text) ? text.replace(/\r\n/g, '\n').split('\n') : null;
}
