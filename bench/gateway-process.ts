// The lab gateway as its own process, for bench/gateway.ts: one Node process (one event loop, the gateway's
// "one worker") proxying everything to 127.0.0.1:UPSTREAM_PORT, writing its access and error logs to DIR the
// way nginx writes an unbuffered access_log: one synchronous write() per line.
// Usage: node bench/gateway-process.ts UPSTREAM_PORT DIR   (prints "listening PORT" when ready)
import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { startGateway } from '../src/lab/index.ts';

const [upstreamPort, dir] = process.argv.slice(2);
if (!upstreamPort || !dir) throw new Error('usage: node bench/gateway-process.ts UPSTREAM_PORT DIR');
const accessLog = openSync(join(dir, 'gateway-access.log'), 'a');
const errorLog = openSync(join(dir, 'gateway-error.log'), 'a');
const gateway = await startGateway({
  host: '127.0.0.1',
  port: 0,
  routes: [{ prefix: '/', upstream: { host: '127.0.0.1', port: Number(upstreamPort) } }],
  accessLog: (line) => writeSync(accessLog, `${line}\n`),
  errorLog: (line) => writeSync(errorLog, `${line}\n`),
});
process.stdout.write(`listening ${gateway.port}\n`);
process.once('SIGTERM', () =>
  void gateway.close().then(() => {
    closeSync(accessLog);
    closeSync(errorLog);
    process.exit(0);
  }),
);
