/** `httpwhy serve`: the site and API on PORT/HOST (default 3000 on localhost). */
import { HttpwhyError } from '../../errors.ts';
import type { ServeOptions } from '../commands/serve.ts';
import { messages } from '../../i18n/index.ts';
import type { CommandContext } from '../context.ts';

export function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) throw new HttpwhyError('HW_ERR_WEB_BAD_PORT', `Invalid port "${value}": use a number from 0 to 65535.`);
  return port;
}

export async function runServe(_args: [], options: ServeOptions, { io, locale }: CommandContext): Promise<number> {
  const port = parsePort(options.port ?? io.env.PORT ?? '3000');
  const host = options.host ?? io.env.HOST ?? 'localhost';
  const { startServer } = await import('../../web/index.ts');
  try {
    const server = await startServer({ port, host });
    io.stderr.write(`httpwhy: ${messages(locale).cli.serving(server.url)}\n`);
    await new Promise<void>((resolve) => server.app.server.once('close', resolve));
    return 0;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') {
      throw new HttpwhyError('HW_ERR_WEB_BAD_PORT', `Cannot listen on ${host}:${port}: ${code}.`);
    }
    throw error;
  }
}
