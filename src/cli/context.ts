/** What every command gets: where to print, in which language, as text or JSON. */
import type { CliIo } from './io.ts';
import { createOutput, decideColor, terminalWidth, type Output } from './output.ts';
import { parseLocale, type Locale } from '../i18n/index.ts';

export interface CommandContext {
  io: CliIo;
  out: Output;
  locale: Locale;
  json: boolean;
  /** Text width for wrapping (terminal columns, capped). */
  width: number;
}

/** The options every command takes (`--lang`, `--json`, `--no-color`), as commander parses them. */
export interface GlobalOptions {
  lang?: string;
  json?: boolean;
  color?: boolean;
}

/** Decides language, format and colour once; a bad `--lang` or `$HTTPWHY_LANG` is bad input (exit 2). */
export function createContext(io: CliIo, globals: GlobalOptions = {}): CommandContext {
  const json = globals.json === true;
  const locale = parseLocale(globals.lang ?? io.env.HTTPWHY_LANG);
  const out = createOutput(io, !json && decideColor(io, globals.color !== false));
  return { io, out, locale, json, width: terminalWidth(io) };
}
