/** The one error the parsers throw: the input is not a response httpwhy can read. */
import { HttpwhyError } from '../errors.ts';

/** A short, single-line quote of user input for error messages. */
export function quote(text: string, max = 60): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return JSON.stringify(line.length > max ? `${line.slice(0, max)}…` : line);
}

/** `understood` says what the parser did make of the input, so the user knows what to fix. */
export function unreadable(problem: string, understood: string, details: Record<string, unknown> = {}): HttpwhyError {
  return new HttpwhyError('HW_ERR_DIAGNOSE_UNREADABLE_INPUT', `${problem} Understood so far: ${understood}`, details);
}
