/**
 * Application exception: an Express app whose route throws. The 500 carries finalhandler's default HTML page
 * (`<pre>Internal Server Error</pre>` in production, the escaped stack otherwise) and Express's headers; the app
 * log gets the error line with the request id from X-Request-Id, then the stack.
 */
import { appLogLine } from './app-log.ts';
import { startHttpApp } from './http-app.ts';
import type { FaultyUpstream, StartOptions } from './types.ts';
import { fileURLToPath } from 'node:url';

export interface AppExceptionOptions extends StartOptions {
  /** finalhandler's NODE_ENV switch; 'production' unless set. */
  env?: 'production' | 'development';
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** finalhandler's createHtmlDocument: escape, newlines to <br>, double spaces to " &nbsp;". */
export function finalhandlerPage(message: string): string {
  const body = message
    .replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c)
    .replace(/\n/g, '<br>')
    .replace(/\x20{2}/g, ' &nbsp;');
  return `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Error</title>\n</head>\n<body>\n<pre>${body}</pre>\n</body>\n</html>\n`;
}

function failingRoute(): never {
  throw new TypeError("Cannot read properties of undefined (reading 'id')");
}

/** The package root as it appears in stack frames; shown relative, so lab pages never reveal server paths. */
const PACKAGE_ROOT = [new URL('../../../', import.meta.url).href, fileURLToPath(new URL('../../../', import.meta.url))];
const stackOf = (error: Error) => PACKAGE_ROOT.reduce((stack, root) => stack.replaceAll(root, 'httpwhy/'), error.stack ?? String(error));

/** Runs the route the way Express does: the thrown error goes to the final handler. */
function runRoute(): Error {
  try {
    return failingRoute();
  } catch (thrown) {
    return thrown as Error;
  }
}

export async function start(options: AppExceptionOptions): Promise<FaultyUpstream> {
  const env = options.env ?? 'production';
  const appLog: string[] = [];
  const listener = await startHttpApp(options, (request, res) => {
    const error = runRoute();
    const [headline = '', ...frames] = stackOf(error).split('\n');
    appLog.push(appLogLine('ERROR', request, 500, headline), ...frames);
    const body = finalhandlerPage(env === 'production' ? 'Internal Server Error' : stackOf(error));
    res
      .writeHead(500, {
        'X-Powered-By': 'Express',
        'Content-Security-Policy': "default-src 'none'",
        'X-Content-Type-Options': 'nosniff',
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Length': Buffer.byteLength(body),
      })
      .end(body);
  });
  return { port: listener.port, appLog, close: listener.close };
}
