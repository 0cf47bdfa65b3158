/**
 * A raw HTTP/1.1 client: writes one GET on a fresh socket and keeps every byte the server sent, including
 * nothing at all, plus how the connection ended. No parsing, no retries, so what a gateway really answered is
 * what comes back (the lab's scenario pages and the real-proxy suite both read it this way).
 */
import { connect } from 'node:net';
import type { HeaderField } from '../../diagnose/index.ts';

export interface RawExchange {
  /** Every byte received, in order. */
  bytes: Buffer;
  /** closed: the server closed (FIN); reset: RST; refused: nothing listens; timeout: our limit hit first. */
  end: 'closed' | 'reset' | 'refused' | 'timeout' | 'error';
  /** The socket error code (ECONNRESET, ECONNREFUSED…), null when none. */
  errorCode: string | null;
  /** Milliseconds from connect() to the end. */
  ms: number;
}

export interface RawRequestOptions {
  host: string;
  port: number;
  path: string;
  /** Extra request headers. */
  headers?: Record<string, string>;
  /** Gives up (and destroys the socket) after this long. */
  timeoutMs: number;
  userAgent: string;
}

export function rawRequest(options: RawRequestOptions): Promise<RawExchange> {
  const started = Date.now();
  const extra = Object.entries(options.headers ?? {}).map(([name, value]) => `${name}: ${value}\r\n`);
  const request = `GET ${options.path} HTTP/1.1\r\nHost: ${options.host}:${options.port}\r\nUser-Agent: ${options.userAgent}\r\nAccept: */*\r\n${extra.join('')}Connection: close\r\n\r\n`;
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let end: RawExchange['end'] = 'closed';
    let errorCode: string | null = null;
    const socket = connect({ host: options.host, port: options.port }, () => socket.write(request));
    const timer = setTimeout(() => {
      end = 'timeout';
      socket.destroy();
    }, options.timeoutMs);
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', (error: NodeJS.ErrnoException) => {
      errorCode = error.code ?? error.message;
      end = errorCode === 'ECONNRESET' ? 'reset' : errorCode === 'ECONNREFUSED' ? 'refused' : 'error';
    });
    socket.on('close', () => {
      clearTimeout(timer);
      resolve({ bytes: Buffer.concat(chunks), end, errorCode, ms: Date.now() - started });
    });
  });
}

export interface SplitResponse {
  statusLine: string;
  /** Header lines as sent, names with their case. */
  headers: HeaderField[];
  body: Buffer;
}

/** Splits raw bytes at the first blank line; null when they hold no complete HTTP/1.x head. */
export function splitResponse(bytes: Buffer): SplitResponse | null {
  const end = bytes.indexOf('\r\n\r\n');
  const text = bytes.toString('latin1', 0, end === -1 ? 0 : end);
  if (end === -1 || !/^HTTP\/\d(\.\d)? \d{3}/.test(text)) return null;
  const [statusLine = '', ...lines] = text.split('\r\n');
  const headers = lines.map((line): HeaderField => {
    const colon = line.indexOf(':');
    return { name: line.slice(0, colon), value: line.slice(colon + 1).trim() };
  });
  return { statusLine, headers, body: bytes.subarray(end + 4) };
}
