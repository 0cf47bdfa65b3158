/** The CLI's window on the world, injected so every command runs in-process in tests. */
import type { Readable } from 'node:stream';

export interface OutputStream {
  write(chunk: string): unknown;
  /** True when the stream is an interactive terminal (colour, progress bars). */
  isTTY?: boolean;
  columns?: number;
}

export interface CliIo {
  stdout: OutputStream;
  stderr: OutputStream;
  stdin: Readable;
  env: Record<string, string | undefined>;
  cwd: string;
}
