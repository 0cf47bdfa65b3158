/**
 * Caddy in front of the faulty upstreams: one `handle` per route (guarded routes too: Caddy 2.6's standard build
 * has no rate or concurrency limit, so they pass every request, see limits.ts), `response_header_timeout 2s`, a uuid request
 * id sent upstream, JSON logs in files (the site's `log` gets http.log.access; http.log.error goes through the
 * default logger, so that one is sent to a file too), admin off.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnOnFreePort } from './proxy-process.ts';
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
  const errorPages = routes.flatMap((r, i) =>
    r.errorPage === undefined
      ? []
      : [`    @error_page_${i} path ${r.path}`, `    handle @error_page_${i} {`, '      header Content-Type text/html', `      respond ${JSON.stringify(r.errorPage)} {err.status_code}`, '    }'],
  );
  const handleErrors = errorPages.length === 0 ? '' : `  handle_errors {\n${errorPages.join('\n')}\n  }\n`;
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
${handleErrors}}
`;
}

interface CaddyLogEntry {
  logger?: string;
  request?: { uri?: string };
}

function parse(line: string): CaddyLogEntry | undefined {
  try {
    return JSON.parse(line) as CaddyLogEntry;
  } catch {
    // A line Caddy is still writing.
    return undefined;
  }
}

/** Complete log entries about a request, as JSON lines; a file Caddy has not created yet holds none. */
function requestEntries(file: string): string[] {
  let text = '';
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  return text.split('\n').filter((line) => parse(line)?.request !== undefined);
}

const isAccess = (line: string) => parse(line)?.logger?.startsWith('http.log.access') === true;
const uriOf = (line: string) => parse(line)?.request?.uri;

export const caddy: ProxyDriver = {
  name: 'caddy',
  binary: '/usr/bin/caddy',
  async start(routes, dir, binary) {
    const file = join(dir, 'Caddyfile');
    const { proc, port } = await spawnOnFreePort((chosen) => {
      writeFileSync(file, caddyfile(routes, dir, chosen));
      return {
        command: binary,
        args: ['run', '--config', file, '--adapter', 'caddyfile'],
        cwd: dir,
        // Keep Caddy's data and config dirs inside the temp dir.
        env: { HOME: dir, XDG_DATA_HOME: join(dir, 'data'), XDG_CONFIG_HOME: join(dir, 'config') },
        port: chosen,
      };
    });
    const logs = () => {
      const all = [...requestEntries(join(dir, 'access.log')), ...requestEntries(join(dir, 'caddy.log'))];
      return { access: all.filter(isAccess), error: all.filter((l) => !isAccess(l)) };
    };
    return {
      name: 'caddy',
      port,
      pid: proc.pid,
      logs,
      logsFor(path) {
        const all = logs();
        return { access: all.access.filter((l) => uriOf(l) === path), error: all.error.filter((l) => uriOf(l) === path) };
      },
      stop: proc.stop,
    };
  },
};
