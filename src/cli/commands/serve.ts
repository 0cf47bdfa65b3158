/** `httpwhy serve`. */
import { Option, type CommandDeclaration } from '../command.ts';

export interface ServeOptions {
  port?: string;
  host?: string;
}

export const serveCommand: CommandDeclaration<[], ServeOptions> = {
  name: 'serve',
  description: 'serve the web site and JSON API (default http://localhost:3000)',
  arguments: [],
  options: [
    new Option('-p, --port <port>', 'port (default: $PORT or 3000)'),
    new Option('--host <host>', 'interface (default: $HOST or localhost)'),
  ],
  run: (args, options, ctx) => import('../runners/serve.ts').then((runner) => runner.runServe(args, options, ctx)),
};
