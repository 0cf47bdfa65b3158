/**
 * Zalando Skipper (an HTTP router and Kubernetes ingress) writes its access log and its application log to the same
 * stream (zalando/skipper logging/access.go, logging/log.go, proxy/proxy.go):
 * - the access line: combined log format, then the duration in ms, the requested host, the flow id and the audit
 *   value (`… "GET / HTTP/1.1" 502 12 "-" "curl/8.0" 1 example.org - -`; older releases end before the audit), or the
 *   same facts as JSON (`"requested-host"`, `"flow-id"`, `"response-size"`, a CLF `"timestamp"`);
 * - the application log (logrus, text behind the `[APP]` prefix or JSON): for a request Skipper could not proxy, the
 *   line `error while proxying after <d>, route <id> with backend <type> <url>, status code <n>: <error>, remote host:
 *   <addr>, request: "<method> <uri> <proto>", …` (before 2019 `error while proxying, route …` with no client or
 *   request) names the status Skipper answered with itself and why.
 * The access line alone does not say who made a 5xx (Skipper relays the backend's own); its error line does, and is
 * joined to it by time, client and request like nginx's error log (an error line stands for no response of its own).
 */
import { Buffer } from 'node:buffer';
import type { Cause, LoggedTime, Signal } from '../types.ts';
import { causeOfMessage } from './error-causes.ts';
import { firstNumber, firstString, parseJsonObject, type JsonObject } from './json-fields.ts';
import { BaseParser, KIND, type LineKind } from './line-parser.ts';
import { ClfTime, parseIsoTime } from './log-time.ts';
import { requestKey } from './nginx-error.ts';
import { splitRequestLine } from './split-fields.ts';

// Its own fields are bare words: a quote there is another writer's (a Traefik line a shipper wrapped in quotes).
const ACCESS = /^([^"\s]\S*(?:, \S+)*) - (\S+) \[([^\]]{20,30})\] "([^"]*)" (\d{3}) (\d+|-) "([^"]*)" "([^"]*)" (\d+) ([^"\s]\S*) ([^"\s]\S*)(?: ([^"\s]\S*))?$/;
const PROXY_ERROR = 'error while proxying';
/** The error line's facts, after its prefix (the message as logrus wrote it, its inner quotes escaped or not). */
const PROXY_ERROR_FACTS = /, route (\S*) with backend (?:\S+ )?(\S*?), status code (\d{3}): (.*?)(?:, remote host: ([^,]*), request: \\?"(\S+) (\S+)|\\?"?$)/;
/** The time logrus's text formatter writes (`time="2020-12-10T08:29:15Z"`). */
const LOGRUS_TIME = /\btime="([^"]+)"/;

/** The first address of a list (Skipper logs X-Forwarded-For's, comma-separated). */
const firstAddress = (list: string) => list.split(',')[0]?.trim() ?? '';

export class SkipperParser extends BaseParser {
  readonly format = 'skipper' as const;
  private readonly clf = new ClfTime();
  /**
   * An error line without a time (logrus's terminal layout, `ERRO[0082] error while proxying, …`): it cannot be joined
   * by time, so it is kept for the access line that follows it, Skipper's record of the same response.
   */
  private untimed: { status: number; cause: Cause; message: string } | null = null;

  parse(buf: Buffer, _text: string, start: number, end: number): LineKind {
    const line = buf.toString('utf8', start, end);
    if (line.includes(PROXY_ERROR)) return this.proxyError(line);
    // A JSON line is parsed only when it has Skipper's own keys: other formats' JSON lines pass by unparsed.
    if (line.charCodeAt(0) === 123) return line.includes('"requested-host"') ? this.json(line) : KIND.none;
    const m = ACCESS.exec(line);
    if (!m) return KIND.none;
    const request = splitRequestLine(m[4] as string);
    return this.entry(Number(m[5]), this.clfTime(m[3] as string), firstAddress(m[1] as string), request.method, request.path, m[11] as string, Number(m[9]));
  }

  private json(line: string): LineKind {
    const obj = parseJsonObject(line);
    if (!obj || !('flow-id' in obj)) return KIND.none;
    const status = firstNumber(obj, ['status']);
    if (!(status >= 100 && status <= 999)) return KIND.none;
    const time = this.clfTime(firstString(obj, ['timestamp']));
    return this.entry(status, time, firstAddress(firstString(obj, ['host'])), firstString(obj, ['method']), firstString(obj, ['uri']), firstString(obj, ['flow-id']), firstNumber(obj, ['duration']));
  }

  private clfTime(value: string): LoggedTime & { offsetMin: number } {
    return this.clf.parseText(value) ? { ms: this.clf.ms, local: false, offsetMin: this.clf.offsetMin } : { ms: Number.NaN, local: false, offsetMin: 0 };
  }

  private entry(status: number, time: LoggedTime & { offsetMin: number }, client: string, method: string, path: string, flowId: string, durationMs: number): LineKind {
    const untimed = this.untimed;
    this.untimed = null;
    const signal: Signal | null =
      untimed?.status === status ? { cause: untimed.cause, confidence: 'high', decisive: true, evidence: { kind: 'error-log', detail: untimed.message } } : null;
    return this.accessLine(
      {
        status,
        timeMs: time.ms,
        tzOffsetMin: time.offsetMin,
        client,
        method,
        path,
        requestId: flowId === '-' ? '' : flowId,
        upstream: '',
        connection: '',
        requestTime: durationMs >= 0 ? durationMs / 1000 : Number.NaN,
        signal,
        truncatedBy: null,
      },
      false,
    );
  }

  /** The application log's line for a request Skipper answered itself, text (`[APP]time=…`) or JSON. */
  private proxyError(line: string): LineKind {
    const obj: JsonObject | null = line.charCodeAt(0) === 123 ? parseJsonObject(line) : null;
    const message = obj ? firstString(obj, ['msg']) : line.slice(line.indexOf(PROXY_ERROR));
    const facts = PROXY_ERROR_FACTS.exec(message);
    // Without its facts the line was broken by a paste (the next line holds the rest): left for the rejoin.
    if (!facts) return KIND.none;
    const time = obj ? parseIsoTime(firstString(obj, ['time'])) : parseIsoTime(LOGRUS_TIME.exec(line)?.[1] ?? '');
    const error = facts[4] as string;
    const cause = causeOfMessage(error) ?? 'upstream-failed';
    const said = `status code ${facts[3]}: ${error}`;
    if (Number.isNaN(time.ms)) {
      this.untimed = { status: Number(facts[3]), cause, message: said };
      return KIND.other;
    }
    this.errorEvent = {
      time,
      cause,
      phase: 'header',
      message: said,
      // Releases before 2019 named neither the client nor the request ("error while proxying, route … status code 500: …").
      client: firstAddress(facts[5] ?? ''),
      request: facts[6] === undefined ? '' : requestKey(facts[6], (facts[7] ?? '').split('?')[0] ?? ''),
      connection: '',
      upstream: facts[2] as string,
      appMessage: '',
    };
    return KIND.proxyError;
  }
}
