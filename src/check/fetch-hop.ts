/**
 * One request on a fresh connection: a single-use undici Client whose connector is the SSRF-checked,
 * timed one, so every hop gets full DNS/TCP/TLS timings and no connection is shared between hops or checks.
 * The body is read up to the cap and kept only for failing responses, which get diagnosed.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { Client } from 'undici';
import { hopConnector, type ConnectContext } from './connector.ts';
import { firstValue } from './first-value.ts';
import { startTrace, timingsOf } from './hop-trace.ts';
import type { Target } from './target.ts';
import type { BodySummary, HopResult, Phase } from './types.ts';

export interface HopContext extends ConnectContext {
  signal: AbortSignal;
}

export interface HopOutcome {
  hop: HopResult;
  headers: IncomingHttpHeaders | null;
  body: BodySummary | null;
  /** The body as text, for responses of 400 and above. */
  text: string | null;
  /** What was thrown, null when the exchange completed. */
  error: unknown;
  /** The phase in progress when it ended. */
  phase: Phase;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

function isRedirect(status: number | null, headers: IncomingHttpHeaders | null): boolean {
  return status !== null && REDIRECTS.has(status) && firstValue(headers?.location) !== null;
}

async function readBody(stream: AsyncIterable<Buffer>, cap: number, keep: boolean): Promise<{ bytes: number; capped: boolean; text: string | null }> {
  const chunks: Buffer[] = [];
  let bytes = 0;
  for await (const chunk of stream) {
    bytes += chunk.length;
    if (keep) chunks.push(chunk);
    // Leaving the loop destroys the stream: the rest is never downloaded.
    if (bytes > cap) break;
  }
  return { bytes, capped: bytes > cap, text: keep ? Buffer.concat(chunks).subarray(0, cap).toString('utf8') : null };
}

export async function fetchHop(target: Target, context: HopContext): Promise<HopOutcome> {
  const { settings } = context;
  const trace = startTrace();
  const client = new Client(target.url.origin, {
    connect: hopConnector(target, context, trace),
    headersTimeout: settings.timeouts.headers,
    bodyTimeout: settings.timeouts.body,
  });
  let status: number | null = null;
  let headers: IncomingHttpHeaders | null = null;
  let body: BodySummary | null = null;
  let text: string | null = null;
  let error: unknown = null;
  try {
    const response = await client.request({
      path: `${target.url.pathname}${target.url.search}`,
      method: 'GET',
      headers: { 'user-agent': settings.userAgent, accept: '*/*' },
      signal: context.signal,
    });
    trace.headers = performance.now();
    trace.phase = 'body';
    ({ statusCode: status, headers } = response);
    // A redirect's body is read up to a little and thrown away (dump destroys the rest without an error event).
    if (isRedirect(status, headers)) await response.body.dump({ limit: 16 * 1024 });
    else {
      const read = await readBody(response.body, settings.maxBodyBytes, status >= 400);
      body = { bytes: read.bytes, capped: read.capped, contentType: firstValue(headers['content-type']) };
      text = read.text;
    }
    trace.end = performance.now();
  } catch (thrown) {
    error = thrown;
  } finally {
    await client.destroy();
  }
  const hop: HopResult = {
    url: target.url.href,
    address: trace.address,
    status,
    location: isRedirect(status, headers) ? firstValue(headers?.location) : null,
    timings: timingsOf(trace),
    tls: trace.tlsSummary,
  };
  return { hop, headers, body, text, error, phase: trace.phase };
}
