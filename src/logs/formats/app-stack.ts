/**
 * Multi-line application entries: the stack trace and other continuation lines printed after an app-log
 * line (Node `    at f (file.js:1:2)`, a Python `Traceback (most recent call last):` block, Java
 * `java.lang.X: …`, `\tat …` and `Caused by: …`). They belong to the entry before them: read into it, never
 * entries of their own, and the first `MAX_STACK_LINES` are kept with it for the report.
 */
import type { AppEvent, AppStack } from '../types.ts';

export const MAX_STACK_LINES = 20;
const MAX_STACK_LINE_CHARS = 300;

/** A stack frame, a source line or wrapped text. */
const INDENTED = /^[ \t]+\S/;
/** Lines that open or chain a trace, whatever came before them. */
const TRACE_HEADER = /^(?:Traceback \(most recent call last\):|Caused by: |Suppressed: |During handling of the above exception|The above exception was the direct cause)/;
/** An entry line that opens a Python traceback itself. */
const TRACEBACK_START = /Traceback \(most recent call last\):\s*$/;
/** A JVM exception named with its package: `java.lang.IllegalStateException: boom`. */
const QUALIFIED_EXCEPTION = /^(?:[a-z_$][\w$]*\.)+[A-Z][\w$]*(?:Exception|Error|Throwable)(?::\s|$)/;
/** An exception header right under an error line: `Error: boom`, `TypeError: boom`, `ValueError: bad`. */
const EXCEPTION = /^(?:[A-Z][\w$]*)?(?:Error|Exception)(?::\s|$)/;
/** The unindented line that ends a Python traceback: `ZeroDivisionError: division by zero`, `KeyboardInterrupt`. */
const TRACEBACK_END = /^[A-Za-z_][\w.]*(?::\s.*)?$/;

export function emptyStack(): AppStack {
  return { lines: [], omitted: 0 };
}

/** Keeps the line (cut to 300 characters) while the stack has room; counts it otherwise. */
export function addStackLine(stack: AppStack, line: string): void {
  if (stack.lines.length < MAX_STACK_LINES) stack.lines.push(line.trimEnd().slice(0, MAX_STACK_LINE_CHARS));
  else stack.omitted++;
}

/** A stack logged as one string field (`err.stack`, `exc_info`, `stack_trace`). */
export function stackOf(text: string): AppStack {
  const stack = emptyStack();
  for (const line of text.trimEnd().split(/\r?\n/)) if (line.trim() !== '') addStackLine(stack, line);
  return stack;
}

/** Tracks the last entry of one app log, to tell its continuation lines from new entries. */
export class StackGroup {
  private open = false;
  private stack: AppStack | null = null;
  /** The entry is an error line with nothing under it yet: an exception header may follow. */
  private errorHead = false;
  private inTraceback = false;

  /** True when `line` continues the open entry; the line is then added to the entry's stack. */
  continues(line: string): boolean {
    if (!this.open || line === '') return false;
    const first = line.charCodeAt(0);
    let yes: boolean;
    if (first === 32 || first === 9) {
      yes = INDENTED.test(line);
    } else if (TRACE_HEADER.test(line)) {
      yes = true;
      this.inTraceback = line.startsWith('Traceback');
    } else if (this.inTraceback) {
      yes = TRACEBACK_END.test(line);
      this.inTraceback = false;
    } else {
      yes = QUALIFIED_EXCEPTION.test(line) || (this.errorHead && EXCEPTION.test(line));
    }
    if (!yes) return false;
    this.errorHead = false;
    if (this.stack) addStackLine(this.stack, line);
    return true;
  }

  /** A new entry; `event` is null for a line read without one (its continuations are only counted). */
  start(line: string, event: AppEvent | null): void {
    this.open = true;
    this.stack = event?.stack ?? null;
    this.errorHead = event?.isError === true;
    this.inTraceback = TRACEBACK_START.test(line);
  }

  /** A line that is no entry: nothing after it continues anything. */
  close(): void {
    this.open = false;
    this.stack = null;
    this.errorHead = false;
    this.inTraceback = false;
  }
}
