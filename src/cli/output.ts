/** Everything the CLI prints goes through here: colour decided once, JSON kept pure. */
import { styleText } from 'node:util';
import type { CliIo } from './io.ts';

type Format = Parameters<typeof styleText>[0];

export interface Output {
  color: boolean;
  style(format: Format, text: string): string;
  out(text: string): void;
  err(text: string): void;
  json(value: unknown): void;
}

/** Colour only on a TTY; any non-empty NO_COLOR, TERM=dumb or --no-color turn it off; FORCE_COLOR turns it on. */
export function decideColor(io: CliIo, flag: boolean): boolean {
  if (!flag) return false;
  const { NO_COLOR, FORCE_COLOR, TERM } = io.env;
  if (NO_COLOR) return false;
  if (FORCE_COLOR && FORCE_COLOR !== '0' && FORCE_COLOR !== 'false') return true;
  return io.stdout.isTTY === true && TERM !== 'dumb';
}

export function createOutput(io: CliIo, color: boolean): Output {
  return {
    color,
    style: (format, text) => (color ? styleText(format, text, { validateStream: false }) : text),
    out: (text) => void io.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    err: (text) => void io.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
    json: (value) => void io.stdout.write(`${JSON.stringify(value, null, 2)}\n`),
  };
}

/** Wraps text to the terminal width with a hanging indent. */
export function wrap(text: string, width: number, indent = ''): string {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = indent;
  for (const word of words) {
    if (line.trim().length > 0 && line.length + 1 + word.length > width) {
      lines.push(line);
      line = indent + word;
    } else line = line.trim().length > 0 ? `${line} ${word}` : indent + word;
  }
  if (line.trim().length > 0) lines.push(line);
  return lines.join('\n');
}

/** Text width for wrapping: the terminal's columns, kept between 60 and 110. */
export function terminalWidth(io: CliIo): number {
  return Math.min(Math.max(io.stdout.columns ?? 100, 60), 110);
}

/** Bold, dim and wrapping to a width, for renderers that take a style (the diagnosis and check texts). */
export interface TextStyle {
  bold(text: string): string;
  dim(text: string): string;
  /** Wraps a paragraph; lines after the first start with `indent`, the first keeps its own lead. */
  wrap(text: string, indent: string): string;
}

export function textStyle(out: Output, width: number): TextStyle {
  return {
    bold: (text) => out.style('bold', text),
    dim: (text) => out.style('dim', text),
    wrap: (text, indent) => wrap(text, width, indent).replace(/^ */, /^ */.exec(text)?.[0] ?? ''),
  };
}
