/**
 * `httpwhy lab`: the failure lab on loopback until Ctrl-C. Starts the site (with the playground) as the healthy
 * app, every faulty upstream and the gateway in front of them, prints the URLs, then the gateway's access and
 * error lines and the apps' log lines as they happen. SIGINT or SIGTERM closes all of it (no process, no port
 * left) and exits 0. Nothing listens beyond 127.0.0.1: the faulty upstreams are not for a network.
 * `--via nginx|haproxy|caddy` also runs that real proxy, with a config the lab writes, in front of the same
 * upstreams, and relays its log lines; it is stopped (its whole process group) with the rest.
 */
import { HttpwhyError } from '../../errors.ts';
import { messages, type Messages } from '../../i18n/index.ts';
import type { LabProxy, RunningLab } from '../../lab/index.ts';
import type { LabOptions } from '../commands/lab.ts';
import type { CommandContext } from '../context.ts';
import { parsePort } from './serve.ts';

const HOST = '127.0.0.1';

function listenError(error: unknown, port: number): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'EADDRINUSE' || code === 'EACCES' ? new HttpwhyError('HW_ERR_WEB_BAD_PORT', `Cannot listen on ${HOST}:${port}: ${code}.`) : error;
}

function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

function viaLines(name: string, proxy: LabProxy, width: number, m: Messages['cli']['lab']): string[] {
  return [
    `  ${name} (pid ${proxy.proxy.pid})  ${proxy.origin}/  ${m.proxyFiles(proxy.dir)}`,
    `  ${m.failuresThrough(name)}`,
    ...Object.entries({ ...proxy.paths, ...proxy.guardedPaths }).map(([mode, path]) => `    ${mode.padEnd(width)}  ${proxy.origin}${path}`),
  ];
}

export async function runLab(_args: [], options: LabOptions, { io, locale }: CommandContext): Promise<number> {
  const m = messages(locale).cli.lab;
  const port = parsePort(options.port ?? '3000');
  const gatewayPort = parsePort(options.gatewayPort ?? '8080');
  const [{ buildApp }, lab] = await Promise.all([import('../../web/index.ts'), import('../../lab/index.ts')]);
  const via = options.via === undefined ? undefined : lab.PROXY_NAMES.find((name) => name === options.via);
  if (options.via !== undefined && via === undefined) throw new HttpwhyError('HW_ERR_CLI_USAGE', `--via takes one of ${lab.PROXY_NAMES.join(', ')}.`);
  if (options.proxyBinary !== undefined && via === undefined) throw new HttpwhyError('HW_ERR_CLI_USAGE', '--proxy-binary needs --via.');
  const site = await buildApp({ logger: false, siteUrl: `http://${HOST}:${port}` });
  const closeSite = async () => {
    const closed = site.close();
    // A request sleeping in the playground must not hold the exit up.
    site.server.closeAllConnections();
    await closed;
  };
  let running: RunningLab;
  /** Set once the lab runs, so a failure after it (the proxy's start) closes it too. */
  let started: RunningLab | undefined;
  let proxy: LabProxy | undefined;
  let siteOrigin: string;
  try {
    siteOrigin = await site.listen({ port, host: HOST }).catch((error: unknown) => Promise.reject(listenError(error, port)));
    const sitePort = Number(new URL(siteOrigin).port);
    running = await lab
      .startLab({
        host: HOST,
        gatewayPort,
        site: { host: HOST, port: sitePort },
        accessLog: (line) => io.stdout.write(`gateway access: ${line}\n`),
        errorLog: (line) => io.stdout.write(`gateway error: ${line}\n`),
        appLog: (scenario, line) => io.stdout.write(`app (${scenario}): ${line}\n`),
      })
      .catch((error: unknown) => Promise.reject(listenError(error, gatewayPort)));
    started = running;
    if (via) proxy = await lab.startLabProxy(running, via, { binary: options.proxyBinary, log: (kind, line) => io.stdout.write(`${via} ${kind}: ${line}\n`) });
  } catch (error) {
    await started?.close();
    await closeSite();
    throw error;
  }

  const gateway = running.gateway.origin;
  const width = Math.max(...Object.keys(running.paths).map((s) => s.length));
  const label = (text: string) => text.padEnd(Math.max(19, m.playground.length + 2, m.gateway.length + 2));
  io.stdout.write(
    [
      m.running(HOST),
      `  ${label(m.playground)}${siteOrigin}/lab`,
      `  ${label(m.gateway)}${gateway}/  ${m.inFront}`,
      `  ${m.failuresThrough(m.theGateway)}`,
      ...Object.entries(running.paths).map(([scenario, path]) => `    ${scenario.padEnd(width)}  ${gateway}${path}`),
      `  ${m.logFormat}: ${lab.GATEWAY_LOG_FORMAT}`,
      ...(proxy && via ? viaLines(via, proxy, width, m) : []),
      '',
    ].join('\n'),
  );
  await untilSignal();
  io.stderr.write(`httpwhy lab: ${m.stopping}\n`);
  await proxy?.stop();
  await running.close();
  await closeSite();
  return 0;
}
