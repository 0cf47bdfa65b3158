/**
 * A log's lines written again inside a container wrapper, as the runtime writes them: CRI / containerd
 * (`<RFC 3339 nano time> stdout F <line>`) and docker's json-file (`{"log":"<line>\n","stream":"stdout","time":"…"}`,
 * escaped as the daemon does, `<`, `>` and `&` included). For tests that read a log bare and wrapped, and for
 * bench/logs.ts, which measures what the wrappers cost. Plain erasable TypeScript so the bench can import it.
 */
import { closeSync, createReadStream, openSync, writeSync } from 'node:fs';

export type Wrapper = 'cri' | 'docker-json';

/** The time of line `i`: one line a microsecond after `start` (epoch ms), with nanoseconds as runtimes write them. */
function nanoTime(start: number, i: number): string {
  const micros = start * 1000 + i;
  const iso = new Date(Math.floor(micros / 1000)).toISOString();
  return `${iso.slice(0, 19)}.${String(micros % 1_000_000).padStart(6, '0')}000Z`;
}

const HTML_ESCAPES: Record<string, string> = { '<': '\\u003c', '>': '\\u003e', '&': '\\u0026' };

/** `line` inside `wrapper`, with its line terminator. */
export function wrapLine(wrapper: Wrapper, line: string, time: string): string {
  if (wrapper === 'cri') return `${time} stdout F ${line}\n`;
  const log = JSON.stringify(`${line}\n`).replace(/[<>&]/g, (c) => HTML_ESCAPES[c] as string);
  return `{"log":${log},"stream":"stdout","time":"${time}"}\n`;
}

/** Writes every line of `source` wrapped into `target`. */
export async function wrapLog(source: string, target: string, wrapper: Wrapper): Promise<void> {
  const fd = openSync(target, 'w');
  const start = Date.UTC(2024, 4, 1);
  let rest = '';
  let i = 0;
  try {
    for await (const chunk of createReadStream(source, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop() ?? '';
      writeSync(fd, lines.map((line) => wrapLine(wrapper, line, nanoTime(start, i++))).join(''));
    }
    if (rest !== '') writeSync(fd, wrapLine(wrapper, rest, nanoTime(start, i)));
  } finally {
    closeSync(fd);
  }
}
