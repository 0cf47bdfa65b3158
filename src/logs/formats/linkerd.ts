/**
 * Linkerd's proxy HTTP access log (`config.linkerd.io/access-log: apache` or `json`, written to the proxy container's
 * stderr; linkerd.io "HTTP Access Logging"): the apache form is `<client:port> <client identity or -> - [<RFC 3339
 * time>] "<method> <uri> <version>" <status>` and nothing after; the JSON form has the same facts under `client.addr`,
 * `client.id`, `uri`, `status`, `timestamp`, `total_ns`.
 * Who answered: neither form says whether the proxy made a 5xx itself (its own errors carry l5d-proxy-error on the
 * response, not in the log), so every 5xx stays undecided.
 */
import { parseIsoTime } from './log-time.ts';
import { firstNumber, firstString, parseJsonObject } from './json-fields.ts';
import { BaseParser, KIND, type LineKind } from './line-parser.ts';
import { splitRequestLine, withoutPort } from './split-fields.ts';

const isDigit = (c: number) => c >= 48 && c <= 57;

const APACHE = /^(\S+:\d+) (\S+) - \[(\d{4}-\d\d-\d\dT[\d:.]+Z)\] "([^"]*)" (\d{3})$/;

export class LinkerdParser extends BaseParser {
  readonly format = 'linkerd' as const;

  parse(buf: Buffer, text: string, start: number, end: number): LineKind {
    if (text.charCodeAt(start) === 123) {
      // Parsed only when it has Linkerd's key: other formats' JSON lines pass by unparsed.
      const mark = text.indexOf('"client.addr"', start);
      return mark >= 0 && mark < end ? this.json(buf.toString('utf8', start, end)) : KIND.none;
    }
    // The apache form ends with the status: three digits.
    if (!isDigit(text.charCodeAt(end - 1)) || !isDigit(text.charCodeAt(end - 3)) || text.charCodeAt(end - 4) !== 32) return KIND.none;
    const m = APACHE.exec(buf.toString('utf8', start, end));
    if (!m) return KIND.none;
    const request = splitRequestLine(m[4] as string);
    return this.entry(Number(m[5]), m[3] as string, withoutPort(m[1] as string), request.method, request.path, Number.NaN);
  }

  private json(line: string): LineKind {
    const obj = parseJsonObject(line);
    if (!obj || !('client.addr' in obj) || !('total_ns' in obj)) return KIND.none;
    const status = firstNumber(obj, ['status']);
    if (!(status >= 100 && status <= 999)) return KIND.none;
    const totalNs = Number(firstString(obj, ['total_ns']));
    const client = withoutPort(firstString(obj, ['client.addr']));
    // The URI as the request line has it (an absolute one through a proxy), read as the apache form's is.
    const request = splitRequestLine(`${firstString(obj, ['method'])} ${firstString(obj, ['uri'])} ${firstString(obj, ['version'])}`);
    return this.entry(status, firstString(obj, ['timestamp']), client, request.method, request.path, totalNs > 0 ? totalNs / 1e9 : Number.NaN);
  }

  private entry(status: number, time: string, client: string, method: string, path: string, requestTime: number): LineKind {
    const logged = parseIsoTime(time);
    return this.accessLine(
      {
        status,
        timeMs: logged.ms,
        tzOffsetMin: 0,
        client,
        method,
        path,
        requestId: '',
        upstream: '',
        connection: '',
        requestTime,
        signal: null,
        truncatedBy: null,
      },
      false,
    );
  }
}
