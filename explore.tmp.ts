import { captureAll } from './test/proxies/harness.ts';
import { toOutcome } from './test/proxies/outcome.ts';
const caps = await captureAll(['nginx', 'haproxy', 'caddy']);
for (const o of caps.map(toOutcome)) {
  console.log(`${o.proxy} ${o.mode}: ${o.status} | ${o.server} | ${o.branding} | ${o.signature}\n   paste-tail: ${JSON.stringify(o.paste.slice(-80))}\n   DIAG ${o.diagnosis.verdict} ${o.diagnosis.issuer} ${o.diagnosis.fingerprint} chain=${o.diagnosis.chain} nf=${o.diagnosis.networkFailure}\n   ${o.diagnosis.summary}\n   causes: ${o.diagnosis.causes.map(c=>c.slice(0,90)).join(' | ')}`);
}
