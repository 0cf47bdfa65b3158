/**
 * Caddy in front of the faulty upstreams: one `handle` per route, `response_header_timeout 2s`, a uuid request
 * id sent upstream, JSON logs in files (the site's `log` gets http.log.access; http.log.error goes through the
 * default logger, so that one is sent to a file too), admin off.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, spawnProxy } from './proxy-process.ts';
import type { ProxyDriver, Route } from './types.ts';

function caddyfile(routes: Route[], dir: string, port: number): string {
  const handles = routes.map(
    (r) => `  handle ${r.path} {
    reverse_proxy 127.0.0.1:${r.upstreamPort} {
      transport http {
        response_header_timeout 2s
      }
    }
  }`,
  );
  return `{
  admin off
  auto_https off
  log default {
    output file ${join(dir, 'caddy.log')}
    format json
  }
}

http://127.0.0.1:${port} {
  log {
    output file ${join(dir, 'access.log')}
    format json
  }
  request_header X-Request-Id {http.request.uuid}
${handles.join('\n')}
}
`;
}

interface CaddyLogEntry {
  logger?: string;
  request?: { uri?: string };
}

function entriesFor(file: string, path: string): string[] {
  let text = '';
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  return text
    .split('\n')
    .filter(Boolean)
    .filter((line) => (JSON.parse(line) as CaddyLogEntry).request?.uri === path);
}

export const caddy: ProxyDriver = {
  name: 'caddy',
  binary: '/usr/bin/caddy',
  async start(routes, dir) {
    const port = await freePort();
    const file = join(dir, 'Caddyfile');
    writeFileSync(file, caddyfile(routes, dir, port));
    const proc = await spawnProxy({
      command: this.binary,
      args: ['run', '--config', file, '--adapter', 'caddyfile'],
      cwd: dir,
      // Keep Caddy's data and config dirs inside the temp dir.
      env: { HOME: dir, XDG_DATA_HOME: join(dir, 'data'), XDG_CONFIG_HOME: join(dir, 'config') },
      port,
    });
    return {
      name: 'caddy',
      port,
      logsFor(path) {
        const all = [...entriesFor(join(dir, 'access.log'), path), ...entriesFor(join(dir, 'caddy.log'), path)];
        return {
          access: all.filter((l) => (JSON.parse(l) as CaddyLogEntry).logger?.startsWith('http.log.access')),
          error: all.filter((l) => !(JSON.parse(l) as CaddyLogEntry).logger?.startsWith('http.log.access')),
        };
      },
      stop: proc.stop,
    };
  },
};
