/** Renders the outcomes of a real run as docs/proxy-outcomes.md (scripts/proxy-outcomes.ts writes it). */
import { GUARDED_SCENARIOS, SCENARIOS, type Scenario } from '../../src/lab/index.ts';
import { diagnosisMismatches, expected } from './expectations.ts';
import { stableTimes, type Outcome } from './outcome.ts';
import { headerValue, splitResponse } from '../helpers/raw-http.ts';
import type { ProxyName } from '../../src/lab/index.ts';

const PROXY_LABELS: Record<ProxyName, string> = { nginx: 'nginx', haproxy: 'HAProxy', caddy: 'Caddy' };

export const MODE_LABELS: Record<Scenario, string> = {
  'connection-refused': 'Connection refused: nothing listens on the upstream port',
  'reset-before-headers': 'Reset before headers: the app takes the request, then the connection is reset (RST)',
  'close-without-reply': 'Close without reply: the app takes the request and closes (FIN) without a byte',
  'non-http-reply': 'Non-HTTP reply: an SSH server on the upstream port answers with its banner',
  'invalid-status-line': 'Invalid status line: `HTTP/1.1 OK 200`',
  'oversized-headers': 'Oversized response headers: a valid 200 with a 64 KB header',
  'slow-headers': 'Slow headers: the app answers after 5 s, past the proxy timeout (2 s)',
  'accept-and-hang': 'Accept and hang: the connection is accepted, the request never read or answered',
  'truncated-body': 'Truncated body: `Content-Length: 100000`, 1,000 bytes sent, then the app closes',
  'app-exception': "Application exception: Express's default 500 page (finalhandler, production)",
  'app-unavailable': 'Application 503: Express sheds load with `Retry-After: 5`',
  overload:
    'Overload: at most one request at a time at a slow app (1 s); a second arrives meanwhile. nginx `limit_conn` (`limit_conn_status 503`), HAProxy `maxconn 1` + `timeout queue 500ms`, Caddy 2.6: no concurrency limit in the standard build',
  'rate-limited':
    'Rate limited: one request per 10 s per client; a second follows at once. nginx `limit_req` (`limit_req_status 429`; the default would be 503), HAProxy stick table + `http-request deny deny_status 429` + `Retry-After`, Caddy 2.6: no rate limit in the standard build',
};


const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const code = (text: string) => (text === '' ? '' : `\`${text.replace(/`/g, "'")}\``);

function clientGot(o: Outcome): string {
  const timing = o.exchange.ms >= 1_000 ? `, after ${Math.round(o.exchange.ms / 1_000)} s` : '';
  if (o.statusLine) return `${o.statusLine.replace(/^HTTP\/1\.1 /, '')}${timing}`;
  return `no HTTP head, ${o.exchange.bytes.length} raw bytes${timing}`;
}

function retryAfter(o: Outcome): string | undefined {
  const response = splitResponse(o.exchange.bytes);
  return (response && headerValue(response.headers, 'Retry-After')) ?? undefined;
}

/** The app log line without its timestamp and request id, which change every run. */
function appLogged(o: Outcome): string {
  const first = o.appLog[0];
  if (first === undefined) return 'nothing';
  return code(first.replace(/^\S+Z /, '').replace(/request_id=\S+/, 'request_id=…').slice(0, 110));
}

function diagnosed(o: Outcome): string {
  const d = o.diagnosis;
  const path = d.chain.length > 1 ? `, path ${d.chain.join(' → ')}` : '';
  if (d.verdict === 'identified') return `${d.issuer} (${code(d.fingerprint ?? '')}${path})`;
  if (d.verdict === 'no-error') return `no error${path}`;
  return `${d.verdict}${path}`;
}

function asExpected(o: Outcome): string {
  const want = expected(o.proxy, o.mode);
  const problems = [
    ...(o.status === want.proxy.status ? [] : [`status ${o.status}, expected ${want.proxy.status}`]),
    ...(want.proxy.signature.test(o.signature) ? [] : ['log signature differs']),
    ...diagnosisMismatches(o.diagnosis, want.diagnosis),
  ];
  if (problems.length === 0) return want.diagnosis.gap ? 'yes, and the known gap is fixed: update expectations.ts' : 'yes';
  return want.diagnosis.gap && problems.every((p) => !p.startsWith('status') && p !== 'log signature differs')
    ? `diagnosis gap: ${want.diagnosis.gap}`
    : `**no**: ${problems.join('; ')}`;
}

function glance(outcomes: Outcome[], proxies: ProxyName[]): string[] {
  const rows = SCENARIOS.map((mode) => {
    const cells = proxies.map((p) => {
      const o = outcomes.find((x) => x.proxy === p && x.mode === mode);
      return o ? (o.status === null ? 'no HTTP head' : String(o.status)) : '';
    });
    return `| ${mode} | ${cells.join(' | ')} |`;
  });
  return [`| Failure mode | ${proxies.map((p) => PROXY_LABELS[p]).join(' | ')} |`, `|---|${proxies.map(() => '---').join('|')}|`, ...rows];
}

function details(outcomes: Outcome[], mode: Scenario): string[] {
  const rows = outcomes
    .filter((o) => o.mode === mode)
    .map((o) =>
      [
        PROXY_LABELS[o.proxy],
        clientGot(o),
        `${o.branding}${o.server ? `, Server: ${o.server}` : ''}`,
        code(stableTimes(o.signature)),
        appLogged(o),
        diagnosed(o),
        asExpected(o),
      ]
        .map(cell)
        .join(' | '),
    );
  return [
    `### ${MODE_LABELS[mode]}`,
    '',
    '| Proxy | Client got | Body | Proxy log signature | App log | Diagnosis of the client paste | As expected? |',
    '|---|---|---|---|---|---|---|',
    ...rows.map((r) => `| ${r} |`),
    '',
  ];
}

const guarded = (o: Outcome) => (GUARDED_SCENARIOS as readonly string[]).includes(o.mode);

export function renderOutcomes(outcomes: Outcome[], versions: Record<ProxyName, string>): string {
  const proxies = (Object.keys(PROXY_LABELS) as ProxyName[]).filter((p) => outcomes.some((o) => o.proxy === p));
  const hidden = outcomes.filter((o) => !guarded(o) && (o.status === null || o.status < 500));
  const refusals = outcomes.filter(guarded);
  return [
    '# What real proxies answer when the upstream fails',
    '',
    '<!-- Generated by `node scripts/proxy-outcomes.ts` from real runs; do not edit by hand. -->',
    '',
    `Each proxy runs on loopback in front of httpwhy's faulty upstreams (\`src/lab/upstreams/\`), one route per failure mode, with`,
    `default settings except 2 s upstream timeouts: ${proxies.map((p) => `${PROXY_LABELS[p]} ${versions[p]}`).join(', ')}.`,
    'The harness is the one `test/proxies/` runs; "As expected?" compares with the hand-written expectations in',
    '`test/proxies/expectations.ts` (from `fingerprints.md` §1, §2, §4, §21 and `logs-and-lab.md` §7).',
    '',
    '## Status the client gets',
    '',
    ...glance(outcomes, proxies),
    '',
    'Failure modes that do not reach the client as a 5xx (nor an access log that records only the status):',
    '',
    ...hidden.map((o) => `- ${PROXY_LABELS[o.proxy]}, ${o.mode}: ${clientGot(o)}; log ${code(stableTimes(o.signature))}`),
    '',
    "## The proxy's own refusals: overload and rate limit",
    '',
    'Two routes sit in front of healthy apps, and the proxy itself turns a request away, configured as an operator would',
    '(`src/lab/proxies/limits.ts`). nginx answers both with its own page and **no Retry-After** (it has no directive for it;',
    "`limit_conn_status` and `limit_req_status` both default to 503, the lab sets 429 for the rate limit). HAProxy's queue",
    'timeout gives 503 `sQ` with no Retry-After; its 429 carries the Retry-After its config adds. **Caddy 2.6 has neither a',
    'rate limit nor a concurrency limit in its standard build** (both exist only as third-party modules built in with',
    'xcaddy), so it lets both requests through to the app: nothing is faked here.',
    '',
    ...refusals.map((o) => `- ${PROXY_LABELS[o.proxy]}, ${o.mode}: ${clientGot(o)}, Retry-After ${retryAfter(o) ?? 'none'}; log ${code(stableTimes(o.signature))}`),
    '',
    '## Details',
    '',
    'Log signatures: nginx `<status> us=$upstream_status uct=$upstream_connect_time uht=$upstream_header_time · <error-log message>`;',
    'HAProxy `<status> <termination state> <server> Tc=<connect ms> Tr=<response ms> [retries=<n>]`;',
    'Caddy `<status> size=<bytes> · <http.log.error message>`. `<t>`: the phase completed (its time varies per run);',
    '`-` or `-1`: it never did. The diagnosis reads what a `curl -i` user would paste:',
    "the response as received, plus curl's error line when curl reports one.",
    '',
    ...SCENARIOS.flatMap((mode) => details(outcomes, mode)),
  ].join('\n');
}
