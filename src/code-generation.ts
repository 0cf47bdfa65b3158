/**
 * Some of httpwhy compiles JavaScript at run time: the log analyzer turns each nginx log_format into a function,
 * and Fastify's router and serializers do the same for the web server. Node started with
 * `--disallow-code-generation-from-strings` (perhaps through NODE_OPTIONS) forbids that; this check says so up
 * front, instead of a stack trace from inside a dependency or a log whose every line fails.
 */
import { HttpwhyError } from './errors.ts';

/** Whether this process may compile JavaScript from strings. */
export function canGenerateCode(): boolean {
  try {
    return typeof new Function('') === 'function';
  } catch {
    return false;
  }
}

/** Throws HW_ERR_NO_CODE_GENERATION when this process may not generate code. `what` names the feature. */
export function assertCodeGeneration(what: string): void {
  if (!canGenerateCode()) {
    throw new HttpwhyError(
      'HW_ERR_NO_CODE_GENERATION',
      `${what} needs to compile JavaScript at run time, and this Node process forbids that (--disallow-code-generation-from-strings, on the command line or in NODE_OPTIONS). Run it without that flag.`,
    );
  }
}
