import { captureAll } from './test/proxies/harness.ts';
const t = Date.now();
const caps = await captureAll(['nginx', 'haproxy', 'caddy']);
for (const c of caps) {
  const raw = c.exchange.bytes.toString('latin1');
  console.log(`=== ${c.proxy} ${c.mode} end=${c.exchange.end} ms=${c.exchange.ms} bytes=${c.exchange.bytes.length}`);
  console.log(raw.slice(0, 600).replace(/a{200,}/, '<aaaa>'));
  console.log('ACCESS', c.logs.access.join('\n'));
  console.log('ERROR', c.logs.error.join('\n'));
  console.log('APP', c.appLog.slice(0,1).join('\n'));
}
console.log('total', Date.now() - t);
