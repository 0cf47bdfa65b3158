/** An in-memory CliIo for running the CLI in-process. */
import { Readable } from 'node:stream';
import type { CliIo } from '../../src/cli/index.ts';

export interface MemoryIo extends CliIo {
  stdoutText(): string;
  stderrText(): string;
}

export function memoryIo(options: { stdin?: string; env?: Record<string, string>; tty?: boolean } = {}): MemoryIo {
  let out = '';
  let err = '';
  return {
    stdout: { write: (s: string) => (out += s), isTTY: options.tty ?? false, columns: 100 },
    stderr: { write: (s: string) => (err += s), isTTY: options.tty ?? false },
    stdin: Readable.from([options.stdin ?? '']),
    env: options.env ?? {},
    cwd: process.cwd(),
    stdoutText: () => out,
    stderrText: () => err,
  };
}
