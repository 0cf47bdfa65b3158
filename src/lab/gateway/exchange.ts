/**
 * One request through the gateway: the attempt at the upstream (an undici dispatch handler that streams the
 * answer to the client with backpressure), the gateway's own answer when there is nothing to relay, and the
 * access and error lines at the end. Timings follow nginx's `$upstream_*_time`: `uct` until the request is on
 * a connected socket, `uht` until the response header, `urt` until the end of the attempt.
 */
import type { IncomingHttpHeaders, IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { Dispatcher } from 'undici';
import { gatewayAnswer, SERVER_NAME, type GatewayStatus } from './error-page.ts';
import { bodyFailure, clientClosed, headerFailure } from './failure.ts';
import { accessLine, errorLine } from './log-format.ts';

export interface ExchangeLogs {
  serverName: string;
  accessLog: (line: string) => void;
  errorLog: (line: string) => void;
}

export interface Upstream {
  /** `host:port`, as `$upstream_addr` shows it. */
  address: string;
  dispatcher: Dispatcher;
}

/** Hop-by-hop headers (RFC 9110 §7.6.1) and those the gateway sets itself; never relayed as they came. */
const REQUEST_SKIP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'te', 'trailer', 'upgrade', 'expect', 'x-request-id', 'x-forwarded-for']);
const RESPONSE_SKIP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'te', 'trailer', 'upgrade', 'server', 'date', 'x-request-id']);

const now = () => performance.now();

export class Exchange implements Dispatcher.DispatchHandler {
  readonly #req: IncomingMessage;
  readonly #res: ServerResponse;
  readonly #logs: ExchangeLogs;
  readonly #requestId: string;
  readonly #connection: number;
  /** Read once: a closed socket forgets its peer. */
  readonly #clientAddress: string;
  readonly #started = now();
  #upstream: Upstream | undefined;
  #upstreamPath = '';
  #attemptStarted = 0;
  #controller: Dispatcher.DispatchController | undefined;
  #connectMs: number | undefined;
  #headerMs: number | undefined;
  #responseMs: number | undefined;
  #upstreamStatus: number | undefined;
  #bodyBytes = 0;
  /** The attempt is over (ended or failed); a client leaving now changes nothing upstream. */
  #settled = false;
  /** The gateway cut the client's response on purpose (the upstream failed mid-body). */
  #cut = false;

  constructor(req: IncomingMessage, res: ServerResponse, requestId: string, connection: number, logs: ExchangeLogs) {
    this.#req = req;
    this.#res = res;
    this.#requestId = requestId;
    this.#connection = connection;
    this.#clientAddress = req.socket.remoteAddress ?? '-';
    this.#logs = logs;
    res.once('close', () => this.#finish());
  }

  /** Answers without an upstream: a limit, or no route. `message` goes to the error log. */
  answer(status: GatewayStatus, retryAfter: number, message: string | undefined): void {
    if (message !== undefined) this.#error('error', message);
    this.#settled = true;
    this.#send(status, retryAfter);
  }

  /** Sends the request to `upstream` at `path` (path and query). */
  forward(upstream: Upstream, path: string): void {
    this.#upstream = upstream;
    this.#upstreamPath = path;
    this.#attemptStarted = now();
    const req = this.#req;
    const headers: string[] = [];
    const raw = req.rawHeaders;
    // Headers named in Connection are hop-by-hop too.
    const listed = req.headers.connection?.toLowerCase().split(',').map((t) => t.trim());
    for (let i = 0; i < raw.length; i += 2) {
      const name = (raw[i] as string).toLowerCase();
      if (!REQUEST_SKIP.has(name) && !listed?.includes(name)) headers.push(raw[i] as string, raw[i + 1] as string);
    }
    const forwardedFor = req.headers['x-forwarded-for'];
    headers.push('x-request-id', this.#requestId, 'x-forwarded-for', forwardedFor ? `${forwardedFor}, ${this.#clientAddress}` : this.#clientAddress);
    const hasBody = req.headers['content-length'] !== undefined || req.headers['transfer-encoding'] !== undefined;
    upstream.dispatcher.dispatch({ method: req.method ?? 'GET', path, headers, body: hasBody ? req : null }, this);
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.#controller = controller;
    this.#connectMs = now() - this.#attemptStarted;
    if (this.#res.destroyed) controller.abort(new Error(clientClosed(false)));
  }

  onResponseStart(controller: Dispatcher.DispatchController, status: number, headers: IncomingHttpHeaders, message?: string): void {
    this.#headerMs = now() - this.#attemptStarted;
    this.#upstreamStatus = status;
    const out: OutgoingHttpHeaders = { server: SERVER_NAME, 'x-request-id': this.#requestId };
    for (const name in headers) if (!RESPONSE_SKIP.has(name)) out[name] = headers[name];
    if (message) this.#res.writeHead(status, message, out);
    else this.#res.writeHead(status, out);
  }

  onResponseData(controller: Dispatcher.DispatchController, chunk: Buffer): void {
    this.#bodyBytes += chunk.length;
    if (!this.#res.write(chunk)) {
      controller.pause();
      this.#res.once('drain', () => controller.resume());
    }
  }

  onResponseEnd(): void {
    this.#responseMs = now() - this.#attemptStarted;
    this.#settled = true;
    this.#res.end();
  }

  onResponseError(controller: Dispatcher.DispatchController, error: Error): void {
    this.#responseMs = now() - this.#attemptStarted;
    if (this.#settled || this.#res.destroyed) return;
    this.#settled = true;
    if (this.#res.headersSent) {
      this.#error('error', bodyFailure(error));
      this.#cut = true;
      // Like nginx: the header (if still buffered) and the body relayed so far go out, then the connection
      // closes, so the client sees a body shorter than announced (or a chunked body without its last chunk).
      this.#res.flushHeaders();
      this.#res.socket?.end();
      return;
    }
    const failure = headerFailure(error);
    if (!failure.connected) this.#connectMs = undefined;
    this.#upstreamStatus = failure.status;
    this.#error('error', failure.message);
    this.#send(failure.status, 0);
  }

  #send(status: GatewayStatus, retryAfter: number): void {
    const answer = gatewayAnswer(status, this.#requestId, retryAfter);
    this.#res.writeHead(answer.status, answer.reason, answer.headers);
    this.#res.end(this.#req.method === 'HEAD' ? undefined : answer.body);
    if (this.#req.method !== 'HEAD') this.#bodyBytes = Buffer.byteLength(answer.body);
  }

  /** On 'close': a client that left early aborts the attempt; then the access line. */
  #finish(): void {
    const res = this.#res;
    const left = !res.writableFinished && !this.#cut;
    if (left && !this.#settled) {
      this.#settled = true;
      this.#error('info', clientClosed(res.headersSent));
      this.#controller?.abort(new Error(clientClosed(res.headersSent)));
    }
    const upstream = this.#upstream;
    this.#logs.accessLog(
      accessLine({
        client: this.#clientAddress,
        time: Date.now(),
        request: this.#requestLine(),
        status: left && !res.headersSent ? 499 : res.statusCode,
        bodyBytes: this.#bodyBytes,
        referer: this.#req.headers.referer,
        userAgent: this.#req.headers['user-agent'],
        requestId: this.#requestId,
        connection: this.#connection,
        upstream: upstream?.address,
        upstreamStatus: this.#upstreamStatus,
        connectMs: this.#connectMs,
        headerMs: this.#headerMs,
        responseMs: upstream ? (this.#responseMs ?? now() - this.#attemptStarted) : undefined,
        requestMs: now() - this.#started,
      }),
    );
  }

  #error(level: 'error' | 'info', message: string): void {
    const upstream = this.#upstream;
    this.#logs.errorLog(
      errorLine({
        level,
        time: Date.now(),
        connection: this.#connection,
        message,
        client: this.#clientAddress,
        server: this.#logs.serverName,
        request: this.#requestLine(),
        upstream: upstream ? `http://${upstream.address}${this.#upstreamPath}` : undefined,
        host: this.#req.headers.host,
      }),
    );
  }

  #requestLine(): string {
    return `${this.#req.method} ${this.#req.url} HTTP/${this.#req.httpVersion}`;
  }
}
