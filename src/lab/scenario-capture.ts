/**
 * Failure scenarios run live, for the site's scenario pages: a lab on loopback (every faulty upstream, a healthy
 * stand-in app behind the rate-limited route, the gateway), started once and kept until `close()`. `capture`
 * sends the request a browser would, with a request id of its own, and gathers what each side saw: the client's
 * bytes, the gateway's access line (by request id) and error lines (by connection number), and the app's lines
 * (by request id, with the stack frames that follow).
 */
import { randomUUID } from 'node:crypto';
import { HttpwhyError } from '../errors.ts';
import { clientPaste } from './client/client-view.ts';
import { rawRequest, type RawExchange } from './client/raw-http.ts';
import { startLab, type RunningLab, type Scenario } from './lab.ts';
import { startHttpApp } from './upstreams/http-app.ts';

export interface ScenarioCapture {
  scenario: Scenario;
  requestId: string;
  exchange: RawExchange;
  /** What a `curl -i` user would paste: the response as received, and curl's error line if any. */
  paste: string;
  access: string[];
  error: string[];
  /** Empty when the app logged nothing for this request by the time the gateway was done with it. */
  app: string[];
}

export interface ScenarioLab {
  capture(scenario: Scenario): Promise<ScenarioCapture>;
  /** Stops the gateway, the upstreams and the stand-in app; safe to call twice. */
  close(): Promise<void>;
}

export interface ScenarioLabOptions {
  /** The gateway's connect and header timeouts; 2 s unless set. */
  timeoutMs?: number;
  /** Captures in progress at most; more are refused with HW_ERR_LAB_BUSY. 4 unless set. */
  maxConcurrent?: number;
}

const HOST = '127.0.0.1';
/** Lines kept per log; older ones are dropped. */
const KEEP_LINES = 500;
const LOG_WAIT_MS = 1_000;
/** For `overload`: the first request must be in progress at the app when the second arrives. */
const OVERLOAD_GAP_MS = 50;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function keep(lines: string[], line: string): void {
  lines.push(line);
  if (lines.length > KEEP_LINES) lines.splice(0, lines.length - KEEP_LINES);
}

/** The app's line for the request, then its continuation lines (a stack trace's indented frames). */
function appLinesFor(lines: readonly string[], requestId: string): string[] {
  const start = lines.findIndex((l) => l.includes(`request_id=${requestId} `));
  if (start === -1) return [];
  const end = lines.findIndex((l, i) => i > start && !/^\s/.test(l));
  return lines.slice(start, end === -1 ? undefined : end);
}

export async function startScenarioLab(options: ScenarioLabOptions = {}): Promise<ScenarioLab> {
  const timeoutMs = options.timeoutMs ?? 2_000;
  const maxConcurrent = options.maxConcurrent ?? 4;
  const access: string[] = [];
  const errors: string[] = [];
  const appLines = new Map<Scenario, string[]>();
  const site = await startHttpApp({ host: HOST, port: 0 }, (_request, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('ok\n'));
  let lab: RunningLab;
  try {
    lab = await startLab({
      host: HOST,
      gatewayPort: 0,
      site: { host: HOST, port: site.port },
      timeoutMs,
      accessLog: (line) => keep(access, line),
      errorLog: (line) => keep(errors, line),
      appLog: (scenario, line) => {
        const lines = appLines.get(scenario) ?? [];
        appLines.set(scenario, lines);
        keep(lines, line);
      },
    });
  } catch (error) {
    await site.close();
    throw error;
  }

  const send = (scenario: Scenario, requestId?: string) =>
    rawRequest({
      host: HOST,
      port: lab.gateway.port,
      path: lab.paths[scenario],
      headers: requestId ? { 'X-Request-Id': requestId } : {},
      timeoutMs: timeoutMs + 3_000,
      userAgent: 'httpwhy-lab',
    });

  /** The scenario's request; `overload` and `rate-limited` need a request before it to fill the limit. */
  async function exchangeFor(scenario: Scenario, requestId: string): Promise<RawExchange> {
    if (scenario === 'rate-limited') await send(scenario);
    if (scenario !== 'overload') return send(scenario, requestId);
    const busy = send(scenario);
    await sleep(OVERLOAD_GAP_MS);
    const [shed] = await Promise.all([send(scenario, requestId), busy]);
    return shed;
  }

  let inProgress = 0;
  let closing: Promise<void> | undefined;
  return {
    async capture(scenario) {
      if (inProgress >= maxConcurrent) throw new HttpwhyError('HW_ERR_LAB_BUSY', `The lab runs at most ${maxConcurrent} scenarios at a time; try again in a few seconds.`);
      inProgress++;
      try {
        const requestId = randomUUID().replaceAll('-', '');
        const exchange = await exchangeFor(scenario, requestId);
        const accessLine = () => access.find((l) => l.includes(`rid=${requestId} `));
        const deadline = Date.now() + LOG_WAIT_MS;
        while (!accessLine() && Date.now() < deadline) await sleep(10);
        const line = accessLine();
        const connection = line ? / conn=(\d+) /.exec(line)?.[1] : undefined;
        return {
          scenario,
          requestId,
          exchange,
          paste: clientPaste(exchange),
          access: line ? [line] : [],
          error: connection ? errors.filter((l) => l.includes(`: *${connection} `)) : [],
          app: appLinesFor(appLines.get(scenario) ?? [], requestId),
        };
      } finally {
        inProgress--;
      }
    },
    close: () =>
      (closing ??= (async () => {
        await lab.close();
        await site.close();
      })()),
  };
}
