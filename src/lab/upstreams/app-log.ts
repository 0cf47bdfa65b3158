/** The application log line the faulty upstreams write, in a plain-text form the log analyzer reads. */
import type { RequestHead } from './types.ts';

type AppLogLevel = 'INFO' | 'WARN' | 'ERROR';

/** `<ISO time> <LEVEL> request_id=<X-Request-Id or -> <METHOD> <path> status=<n> <message>` */
export function appLogLine(level: AppLogLevel, request: RequestHead, status: number, message: string): string {
  const requestId = request.headers.get('x-request-id') ?? '-';
  return `${new Date().toISOString()} ${level} request_id=${requestId} ${request.method} ${request.path} status=${status} ${message}`;
}
