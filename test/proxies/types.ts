/** What the real-proxy harness works with. */

export type ProxyName = 'nginx' | 'haproxy' | 'caddy';

/** One location of the proxy: requests for `path` go to the upstream on `upstreamPort`. */
export interface Route {
  path: string;
  upstreamPort: number;
}

/** The proxy's log lines about one request. */
export interface RequestLogs {
  access: string[];
  error: string[];
}

export interface RunningProxy {
  name: ProxyName;
  port: number;
  /** The log lines that belong to the request for `path` (one request per path per run). */
  logsFor(path: string): RequestLogs;
  stop(): Promise<void>;
}

export interface ProxyDriver {
  name: ProxyName;
  binary: string;
  /** Writes the config into `dir` (a fresh temp dir) and starts the proxy on a free loopback port. */
  start(routes: Route[], dir: string): Promise<RunningProxy>;
}
