import { captureAll } from './test/proxies/harness.ts';
import { toOutcome } from './test/proxies/outcome.ts';
for (let i = 0; i < 8; i++) {
  const caps = (await captureAll(['nginx', 'caddy'], ['non-http-reply', 'invalid-status-line'])).map(toOutcome);
  for (const o of caps) console.log(i, o.proxy, o.mode, o.exchange.end, o.exchange.bytes.length, o.branding, '|', o.signature, '|', o.logs.access[0]?.slice(0, 150));
}
