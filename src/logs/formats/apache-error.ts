/**
 * Apache httpd error log, 2.4 (`[Wed Oct 11 14:32:52.123456 2000] [proxy:error] [pid 1:tid 2] (111)Connection
 * refused: [client 10.0.0.1:5000] AH00957: …`) and 2.2 (`[Wed Oct 11 14:32:52 2000] [error] [client 10.0.0.1] …`).
 * The time is the server's wall clock; there is no request line, so events link to access entries by client and time.
 */
import { causeOfMessage, phaseOfMessage } from './error-causes.ts';
import { BaseParser, KIND, type LineKind } from './line-parser.ts';
import { localTime, monthIndex } from './log-time.ts';

const LINE = /^\[\w{3} (\w{3}) +(\d{1,2}) (\d\d):(\d\d):(\d\d)(?:\.(\d{1,6}))? (\d{4})\] \[[\w:]+\] (?:\[pid \d+(?::tid \d+)?\] )?(.*)$/;
const CLIENT = /\[client (\S+?)(?::\d+)?\] ?/;

export class ApacheErrorParser extends BaseParser {
  readonly format = 'apache-error' as const;

  parse(buf: Buffer, _text: string, start: number, end: number): LineKind {
    const m = LINE.exec(buf.toString('utf8', start, end));
    const month = m ? monthIndex(m[1] as string) : -1;
    if (!m || month < 0) return KIND.none;
    const rest = m[8] as string;
    const cause = causeOfMessage(rest);
    if (!cause) return KIND.other;
    const client = CLIENT.exec(rest);
    const ms = m[6] ? Math.floor(Number(`0.${m[6]}`) * 1000) : 0;
    this.errorEvent = {
      time: localTime(Number(m[7]), month, Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), ms),
      cause,
      phase: phaseOfMessage(rest) === 'body' ? 'body' : 'header',
      message: client ? rest.replace(client[0], '') : rest,
      client: client ? (client[1] as string) : '',
      request: '',
      connection: '',
      upstream: /(?:connect to|remote server|backend:?) (\S+?)(?: |$)/.exec(rest)?.[1] ?? '',
      appMessage: '',
    };
    return KIND.proxyError;
  }
}
