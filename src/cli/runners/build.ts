/** `httpwhy build --out DIR`: the whole site, both languages, as static files for any static host or CDN. */
import { resolve } from 'node:path';
import { exportSite } from '../../web/index.ts';
import type { BuildOptions } from '../commands/build.ts';
import { messages } from '../../i18n/index.ts';
import type { CommandContext } from '../context.ts';

/** Exit 0, or 1 when a page links to something that could not be exported (listed on stderr). */
export async function runBuild(_args: [], options: BuildOptions, { io, locale }: CommandContext): Promise<number> {
  const m = messages(locale).cli;
  const siteUrl = options.siteUrl ?? io.env.HTTPWHY_SITE_URL ?? 'http://localhost:3000';
  const result = await exportSite({ outDir: resolve(io.cwd, options.out), siteUrl });
  for (const link of result.brokenLinks) {
    io.stderr.write(`httpwhy: ${m.brokenLink(link.from, link.url, link.status)}\n`);
  }
  io.stderr.write(`httpwhy: ${m.exported(result.files.length, result.bytes, siteUrl, result.outDir)}\n`);
  return result.brokenLinks.length > 0 ? 1 : 0;
}
