/** The gateway is worth its logs only if httpwhy's own tools read them: the diagnosis engine and the log analyzer. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diagnose } from '../../diagnose/index.ts';
import { analyzeLogs } from '../../logs/index.ts';
import { httpServer, tcpServer, type Loopback } from '../../../test/helpers/loopback.ts';
import { rawRequest } from '../../../test/helpers/raw-http.ts';
import { startGateway, type RunningGateway } from './gateway.ts';

const access: string[] = [];
const errors: string[] = [];
const appLog: string[] = [];
let app: Loopback;
let hang: Loopback;
let refusedPort: number;
let gateway: RunningGateway;
const dir = mkdtempSync(join(tmpdir(), 'httpwhy-gateway-logs-'));
const up = (port: number) => ({ host: '127.0.0.1', port });

beforeAll(async () => {
  app = await httpServer((req, res) => {
    const id = req.headers['x-request-id'];
    if (req.url === '/boom') {
      appLog.push(`${new Date().toISOString()} ERROR request_id=${id} GET /boom status=500 TypeError: Cannot read properties of undefined (reading 'id')`);
      res.writeHead(500, { 'content-type': 'text/plain' }).end('Internal Server Error');
    } else res.end('ok');
  });
  hang = await tcpServer((socket) => socket.on('error', () => {}));
  const closed = await tcpServer(() => {});
  refusedPort = closed.port;
  await closed.close();
  gateway = await startGateway({
    host: '127.0.0.1',
    port: 0,
    headerTimeoutMs: 300,
    routes: [
      { prefix: '/refused', upstream: up(refusedPort) },
      { prefix: '/hang', upstream: up(hang.port) },
      { prefix: '/', upstream: up(app.port) },
    ],
    accessLog: (l) => access.push(l),
    errorLog: (l) => errors.push(l),
  });
});
afterAll(async () => {
  await gateway.close();
  await Promise.all([app.close(), hang.close()]);
  rmSync(dir, { recursive: true, force: true });
});

const fetchRaw = async (path: string) => (await rawRequest({ host: '127.0.0.1', port: gateway.port, path, timeoutMs: 3000 })).bytes.toString('latin1');

describe('the diagnosis engine', () => {
  it.each([
    ['/refused', 502, 'httpwhy-gateway-502'],
    ['/hang', 504, 'httpwhy-gateway-504'],
  ])('names the gateway as the issuer of its own %s answer', async (path, status, fingerprint) => {
    for (const locale of ['en', 'id'] as const) {
      const [d] = diagnose(await fetchRaw(path), { locale }).diagnoses;
      expect(d?.status).toBe(status);
      expect(d?.verdict).toBe('identified');
      expect(d?.issuer).toEqual({ component: 'httpwhy-gateway', layer: 'reverse-proxy', fingerprint });
    }
  });

  it('shows the gateway in the path of an answer the application made', async () => {
    const [d] = diagnose(await fetchRaw('/boom')).diagnoses;
    expect(d?.status).toBe(500);
    expect(d?.issuer?.component).not.toBe('httpwhy-gateway');
    expect(d?.chain).toContainEqual(expect.objectContaining({ component: 'httpwhy-gateway', role: 'in-path' }));
  });
});

describe('the log analyzer', () => {
  it('reads the access and error logs without being told the format, and puts each 5xx on the right side', async () => {
    for (const lines of [access, errors, appLog]) lines.length = 0;
    for (const path of ['/refused', '/hang', '/boom', '/fine']) await fetchRaw(path);
    await expect.poll(() => access.length).toBe(4);
    const files = { access: join(dir, 'access.log'), error: join(dir, 'error.log'), app: join(dir, 'app.log') };
    writeFileSync(files.access, `${access.join('\n')}\n`);
    writeFileSync(files.error, `${errors.join('\n')}\n`);
    writeFileSync(files.app, `${appLog.join('\n')}\n`);
    const report = await analyzeLogs({ files: [files.access, files.error], appFiles: [files.app], cwd: dir, stdin: Readable.from([]) });
    expect(report.files.map((f) => f.format)).toEqual(['nginx-custom', 'nginx-error', 'app-text']);
    const causeOf = (path: string) => report.causes.find((c) => c.examples.some((e) => e.path === path));
    expect([causeOf('/refused')?.cause, causeOf('/refused')?.class]).toEqual(['refused', 'proxy']);
    expect([causeOf('/hang')?.cause, causeOf('/hang')?.class]).toEqual(['timeout', 'proxy']);
    expect([causeOf('/boom')?.cause, causeOf('/boom')?.class]).toEqual(['app-error', 'app']);
    expect(causeOf('/boom')?.examples[0]?.appMessage).toContain('TypeError');
    expect(report.correlation.byRequestId).toBe(1);
  });
});
