/** `httpwhy build --out DIR`. */
import { Option, type CommandDeclaration } from '../command.ts';

export interface BuildOptions {
  out: string;
  /** Origin the export will be served from (canonical links, sitemap). */
  siteUrl?: string;
}

export const buildCommand: CommandDeclaration<[], BuildOptions> = {
  name: 'build',
  description: 'write the whole site, both languages, as static files (with the read-only API as JSON files)',
  arguments: [],
  options: [
    new Option('-o, --out <dir>', 'output directory (empty, or a previous export)').makeOptionMandatory(),
    new Option('--site-url <url>', 'absolute origin for canonical links and the sitemap (default: $HTTPWHY_SITE_URL or http://localhost:3000)'),
  ],
  run: (args, options, ctx) => import('../runners/build.ts').then((runner) => runner.runBuild(args, options, ctx)),
};
