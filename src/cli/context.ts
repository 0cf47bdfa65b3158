/** What every command gets: where to print, in which language, as text or JSON. */
import type { Locale } from '../codes/index.ts';
import type { CliIo } from './io.ts';
import type { Output } from './output.ts';

export interface CommandContext {
  io: CliIo;
  out: Output;
  locale: Locale;
  json: boolean;
  /** Text width for wrapping (terminal columns, capped). */
  width: number;
}
