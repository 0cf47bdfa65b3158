/** `httpwhy lab`. */
import { Option, type CommandDeclaration } from '../command.ts';

export interface LabOptions {
  /** The site and playground; 3000 unless set. */
  port?: string;
  /** The gateway; 8080 unless set. */
  gatewayPort?: string;
  /** A real proxy to run in front of the same upstreams too. */
  via?: string;
  /** The real proxy's executable, when it is not where the distribution installs it. */
  proxyBinary?: string;
}

export const labCommand: CommandDeclaration<[], LabOptions> = {
  name: 'lab',
  description: 'run the failure lab on 127.0.0.1: site and playground, faulty upstreams, a gateway in front (Ctrl-C stops all)',
  arguments: [],
  options: [
    new Option('-p, --port <port>', 'site and playground port (default 3000)'),
    new Option('--gateway-port <port>', 'gateway port (default 8080)'),
    new Option('--via <proxy>', 'also run nginx, haproxy or caddy in front of the same faulty upstreams'),
    new Option('--proxy-binary <path>', 'path of the --via proxy executable (default: where Debian installs it)'),
  ],
  run: (args, options, ctx) => import('../runners/lab.ts').then((runner) => runner.runLab(args, options, ctx)),
};
