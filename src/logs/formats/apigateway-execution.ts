/**
 * Amazon API Gateway's REST execution log (CloudWatch group `API-Gateway-Execution-Logs_<api>/<stage>`): a request as
 * a run of lines, each `(<request id>) <message>`, as the console shows them (its time column before them: `17:04:03`,
 * or an ISO time, with `|` when copied from the Logs Insights table), or the console's "Test" output (`Sun Jan 19
 * 17:19:42 UTC 2020 : <message>`, no id). The messages are API Gateway's own (Developer Guide, "Set up CloudWatch
 * logging for REST APIs"): `HTTP Method: GET, Resource Path: /x`, `Received response. Status: 500, Integration latency:
 * 12 ms`, `Endpoint response body before transformations: …`, `Execution failed due to configuration error: …`, and
 * the request's last, `Method completed with status: 502`, read as its access entry.
 * Who made a 5xx: API Gateway when it says its execution failed (a malformed Lambda proxy response, a timeout, a
 * function that crashed, missing permissions) or answered with a gateway response; the backend when the integration's
 * own status (an HTTP integration's `Received response. Status`, a Lambda proxy response's `statusCode`) is the one
 * sent; otherwise undecided.
 */
import type { Buffer } from 'node:buffer';
import type { Signal } from '../types.ts';
import { gatewayCause } from './aws-apigateway.ts';
import { BaseParser, KIND, type LineKind } from './line-parser.ts';
import { parseIsoTime } from './log-time.ts';

const LINE =
  /^(?:(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d)?)\s*(?:\|\s*)?|\d\d:\d\d:\d\d\s+|([A-Z][a-z]{2} [A-Z][a-z]{2} \d\d \d\d:\d\d:\d\d UTC \d{4}) : )?(?:\(([\w-]{6,})\) )?(.*)$/;

/** The messages API Gateway writes into an execution log: a line with none of them is another program's. */
const MESSAGE =
  /^(?:Starting execution for request|Extended Request Id|Verifying Usage Plan|API Key |Usage Plan check|HTTP Method: |Method request |Endpoint request |Endpoint response |Received response\. Status|Sending request to|Method response |Method completed with status|Successfully completed execution|Execution failed|Lambda execution failed|Lambda invocation failed|Gateway response |Unauthorized request|X-ray Tracing ID|Starting authorizer|Authorizer |Incoming identity|Using valid authorizer|Request body |Integration |Method request body|Endpoint request timed out)/;

interface Execution {
  method: string;
  path: string;
  /** The integration's own status, when a line gives it. */
  integration: number;
  /** API Gateway's own failure sentence, or its gateway response, when a line gives one. */
  failure: string;
}

const fresh = (): Execution => ({ method: '', path: '', integration: 0, failure: '' });

/** Executions waiting for their `Method completed` line; CloudWatch interleaves concurrent requests' lines. */
const MAX_OPEN = 10_000;

function signalOf(status: number, run: Execution): Signal | null {
  if (status < 500) return null;
  if (run.failure !== '') {
    return { cause: gatewayCause(run.failure), confidence: 'high', decisive: true, evidence: { kind: 'apigateway-integration', detail: run.failure } };
  }
  if (run.integration === status) {
    const detail = `integration status ${run.integration}`;
    return { cause: status === 503 ? 'app-overload' : 'app-error', confidence: 'high', decisive: true, evidence: { kind: 'apigateway-integration', detail } };
  }
  return null;
}

export class ApiGatewayExecutionParser extends BaseParser {
  readonly format = 'aws-apigateway-execution' as const;
  private readonly open = new Map<string, Execution>();
  /** The run of the console's Test output, whose lines carry no id. */
  private anonymous = fresh();
  private time = Number.NaN;

  private runOf(id: string): Execution {
    if (id === '') return this.anonymous;
    let run = this.open.get(id);
    if (!run) {
      if (this.open.size >= MAX_OPEN) this.open.clear();
      this.open.set(id, (run = fresh()));
    }
    return run;
  }

  parse(buf: Buffer, text: string, start: number, end: number): LineKind {
    const line = buf.toString('utf8', start, end);
    if (line.startsWith('Execution log for request ')) {
      this.anonymous = fresh();
      return KIND.other;
    }
    const m = LINE.exec(line);
    const message = m?.[4] ?? '';
    // Each line names its request, or is the console's Test output with its date: a bare sentence is no execution log's.
    if (!m || !MESSAGE.test(message) || (m[3] === undefined && m[2] === undefined)) return KIND.none;
    const id = m[3] ?? '';
    if (m[1] !== undefined) this.time = parseIsoTime(m[1]).ms;
    else if (m[2] !== undefined) this.time = Date.parse(m[2]);
    const run = this.runOf(id);
    if (message.startsWith('Starting execution for request')) Object.assign(run, fresh());
    const route = /^HTTP Method: (\w+), Resource Path: (\S*)/.exec(message);
    if (route) [run.method, run.path] = [route[1] as string, route[2] as string];
    const received = /^Received response\. Status: (\d{3})/.exec(message) ?? /^Endpoint response body before transformations: .*?"statusCode"\s*:\s*"?(\d{3})/.exec(message);
    if (received) run.integration = Number(received[1]);
    if (/^(?:Execution failed|Lambda execution failed|Lambda invocation failed|Endpoint request timed out|Gateway response type: )/.test(message)) run.failure ||= message;
    const completed = /^Method completed with status: (\d{3})/.exec(message);
    if (!completed) return KIND.other;
    if (id === '') this.anonymous = fresh();
    else this.open.delete(id);
    const status = Number(completed[1]);
    return this.accessLine(
      { status, timeMs: this.time, tzOffsetMin: 0, client: '', method: run.method, path: run.path, requestId: id, upstream: '', connection: '', requestTime: Number.NaN, signal: signalOf(status, run), truncatedBy: null },
      false,
    );
  }
}
