/**
 * Where `--clickhouse` connects, and as whom. Credentials never come from the command line, which other users of
 * the machine can read: the environment (CLICKHOUSE_USER, CLICKHOUSE_PASSWORD, as clickhouse-client reads them) or
 * a file (`--credentials-file`, first line `user:password`). A URL that carries them is refused, and no message
 * repeats the URL's text or a password.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { HttpwhyError } from '../errors.ts';

export interface Credentials {
  username?: string;
  password?: string;
}

/** An http(s) URL of a server, without credentials, path or query: those go elsewhere. */
export function serverUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new HttpwhyError('HW_ERR_CLICKHOUSE_BAD_URL', '--clickhouse must be an http or https URL such as http://localhost:8123.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new HttpwhyError('HW_ERR_CLICKHOUSE_BAD_URL', `--clickhouse must be an http or https URL (ClickHouse's HTTP interface), not ${url.protocol}.`);
  if (url.username !== '' || url.password !== '') {
    throw new HttpwhyError(
      'HW_ERR_CLICKHOUSE_BAD_URL',
      '--clickhouse carries credentials, which anyone on this machine can read in the process list: give them in CLICKHOUSE_USER and CLICKHOUSE_PASSWORD or with --credentials-file.',
    );
  }
  if (url.search !== '' || (url.pathname !== '/' && url.pathname !== '')) {
    throw new HttpwhyError('HW_ERR_CLICKHOUSE_BAD_URL', '--clickhouse takes the server only (scheme, host, port): give the database with --database.');
  }
  return url;
}

/** From `file` when given, else the environment. A file that cannot be read is bad input; its content is never shown. */
export async function readCredentials(env: Readonly<Record<string, string | undefined>>, file: string | undefined, cwd: string): Promise<Credentials> {
  if (file === undefined) return { username: env.CLICKHOUSE_USER || undefined, password: env.CLICKHOUSE_PASSWORD || undefined };
  let text: string;
  try {
    text = await readFile(resolve(cwd, file), 'utf8');
  } catch (error) {
    throw new HttpwhyError('HW_ERR_CLICKHOUSE_BAD_OPTION', `Cannot read --credentials-file ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'}).`);
  }
  const first = text.split(/\r?\n/).find((line) => line.trim() !== '') ?? '';
  const colon = first.indexOf(':');
  if (colon <= 0) throw new HttpwhyError('HW_ERR_CLICKHOUSE_BAD_OPTION', `--credentials-file ${file}: the first line must be user:password.`);
  return { username: first.slice(0, colon), password: first.slice(colon + 1) };
}

/** `message` with every occurrence of the password replaced, whatever a server or a library put in it. */
export function withoutSecret(message: string, credentials: Credentials): string {
  const secret = credentials.password;
  return secret ? message.split(secret).join('***') : message;
}
