/** What every faulty upstream takes and gives back. */

export interface StartOptions {
  /** Always a loopback address in httpwhy (`127.0.0.1`). */
  host: string;
  /** 0 picks a free port. */
  port: number;
}

export interface FaultyUpstream {
  /** The port to point a proxy at (for connection-refused: a reserved port where nothing listens). */
  port: number;
  /** What the application logged, oldest first; stays empty when the fault leaves no trace in the app. */
  appLog: string[];
  /** Stops listening, destroys every open connection and cancels pending timers. */
  close(): Promise<void>;
}

/** The start line and headers of a request as an upstream received it. */
export interface RequestHead {
  method: string;
  path: string;
  /** Header names in lower case; a repeated header keeps its first value. */
  headers: Map<string, string>;
}
