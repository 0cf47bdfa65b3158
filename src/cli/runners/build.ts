/** `httpwhy build --out DIR`: the whole site, both languages, as static files for any static host or CDN. */
import { resolve } from 'node:path';
import { exportSite } from '../../web/index.ts';
import type { BuildOptions } from '../commands/build.ts';
import type { CommandContext } from '../context.ts';

/** Exit 0, or 1 when a page links to something that could not be exported (listed on stderr). */
export async function runBuild(_args: [], options: BuildOptions, { io }: CommandContext): Promise<number> {
  const siteUrl = options.siteUrl ?? io.env.HTTPWHY_SITE_URL ?? 'http://localhost:3000';
  const result = await exportSite({ outDir: resolve(io.cwd, options.out), siteUrl });
  for (const link of result.brokenLinks) {
    io.stderr.write(`httpwhy: warning: ${link.from} links to ${link.url}, which answers ${link.status}; not exported\n`);
  }
  io.stderr.write(`httpwhy: exported ${result.files.length} files (${result.bytes} bytes) for ${siteUrl} to ${result.outDir}\n`);
  return result.brokenLinks.length > 0 ? 1 : 0;
}
