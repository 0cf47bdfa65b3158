/** The real proxies the lab drives: nginx, HAProxy and Caddy in front of the faulty upstreams. */

export type ProxyName = 'nginx' | 'haproxy' | 'caddy';

/** One location of the proxy: requests for `path` go to the upstream on `upstreamPort`. */
export interface Route {
  path: string;
  upstreamPort: number;
  /** A limit the proxy enforces on this route itself (limits.ts); none for the failure modes. */
  guard?: 'overload' | 'rate-limited';
  /**
   * An operator's own HTML page that the proxy sends instead of its built-in one for the 502, 503 and 504 it makes
   * itself on this route (nginx `error_page`, HAProxy `errorfile`, Caddy `handle_errors`). Responses the upstream
   * sends pass through untouched.
   */
  errorPage?: string;
}

/** The proxy's log lines about one request. */
export interface RequestLogs {
  access: string[];
  error: string[];
}

export interface RunningProxy {
  name: ProxyName;
  port: number;
  /** The proxy's main process; it leads its own process group, which stop() ends. */
  pid: number;
  /** Every log line so far, oldest first. */
  logs(): RequestLogs;
  /** The log lines that belong to the request for `path` (one request per path per run). */
  logsFor(path: string): RequestLogs;
  /** Ends the process group: SIGTERM, then SIGKILL if it lingers (bounded). */
  stop(): Promise<void>;
}

export interface ProxyDriver {
  name: ProxyName;
  /** Where the distribution packages install it. */
  binary: string;
  /** Writes the config into `dir` (a fresh temp dir) and starts `binary` on a free loopback port. */
  start(routes: Route[], dir: string, binary: string): Promise<RunningProxy>;
}
