/**
 * Rails writes a request's first line (`Started GET "/path" for 1.2.3.4 at 2024-01-02 10:00:00 +0000`) before it
 * knows the status, which its `Completed 500 …` line gives later, with no method or path. A request that never
 * completed (the process died, a FATAL error before any controller answered in older Rails) leaves only its Started
 * line. The started requests wait here for the line that gives their status; those still waiting when the log ends
 * are requests that logged no status.
 */
import type { AppRequestLine } from './app-request-line.ts';
import type { LoggedTime } from '../types.ts';

const STARTED = /\bStarted (GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS|PROPFIND|REPORT) "([^"]*)" for (\S+) at /;
/** A log of many concurrent requests keeps only so many waiting; the oldest are forgotten. */
const MAX_WAITING = 1000;

/** A path as Rails' router names it: no query, no trailing slash. */
const routed = (path: string): string => path.replace(/\?.*$/, '').replace(/(.)\/+$/, '$1');

export interface StartedRequest {
  method: string;
  path: string;
  client: string;
  time: LoggedTime;
  requestId: string;
}

export class StartedRequests {
  private readonly waiting: StartedRequest[] = [];

  /** Reads a Started line into the queue; any other line is left alone. */
  started(line: string, time: LoggedTime, requestId: string): void {
    const m = STARTED.exec(line);
    if (!m) return;
    this.waiting.push({ method: m[1] as string, path: m[2] as string, client: m[3] as string, time, requestId });
    if (this.waiting.length > MAX_WAITING) this.waiting.shift();
  }

  /**
   * The started request a request line ends: the one with its request id (Rails' tagged logging), else the one with
   * its method and path (a RoutingError names them), else, for a line that names neither (`Completed 500`), the
   * oldest. Null when none waits: the log began after that request started.
   */
  ends(request: AppRequestLine, requestId: string): StartedRequest | null {
    const w = this.waiting;
    let at = requestId === '' ? -1 : w.findIndex((s) => s.requestId === requestId);
    // Rails' router names the path without its trailing slash or query (`Started PROPFIND "/principals/"`, then `No
    // route matches [PROPFIND] "/principals"`): the oldest with the same method, if no path is the same.
    if (at < 0 && request.method !== '') at = w.findIndex((s) => s.method === request.method && routed(s.path) === routed(request.path));
    if (at < 0 && request.method !== '') at = w.findIndex((s) => s.method === request.method);
    if (at < 0 && request.method === '' && requestId === '') at = w.length > 0 ? 0 : -1;
    return at < 0 ? null : (w.splice(at, 1)[0] ?? null);
  }

  /** The oldest started request still waiting, taken out; null when none is left. */
  unfinished(): StartedRequest | null {
    return this.waiting.shift() ?? null;
  }
}
