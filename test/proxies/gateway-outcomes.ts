/**
 * Turns real captures (the built-in gateway's and each real proxy's) into data/lab/gateway-outcomes.json, and
 * the part of it that must not change between runs, which the suite compares with the committed file. Which hop
 * failed is hand-written per scenario (the same picture as the site's failure pages), never read from the
 * code under test; body kinds and signatures follow the harness's own rules (outcome.ts).
 */
import { isDeepStrictEqual } from 'node:util';
import {
  clientPaste,
  GATEWAYS,
  missingBodyBytes,
  parseGatewayOutcomes,
  SCENARIOS,
  splitResponse,
  type BodyKind,
  type GatewayName,
  type GatewayOutcome,
  type GatewayOutcomes,
  type RawExchange,
  type Scenario,
} from '../../src/lab/index.ts';
import { headerValue } from '../../src/diagnose/index.ts';
import type { GatewayCapture } from './gateway-harness.ts';
import { HAPROXY_PAGE, NGINX_PAGE, SIGNATURES, stablePorts, stableTimes, summarize } from './outcome.ts';

/** Who failed when the client does not get the app's intact answer: the app, the link from gateway to app, or the gateway (on purpose). */
const FAILING: Record<Scenario, NonNullable<GatewayOutcome['failing']>> = {
  'connection-refused': 'link',
  'reset-before-headers': 'link',
  'close-without-reply': 'link',
  'non-http-reply': 'link',
  'invalid-status-line': 'link',
  'oversized-headers': 'link',
  'slow-headers': 'link',
  'accept-and-hang': 'link',
  'truncated-body': 'link',
  'app-exception': 'app',
  'app-unavailable': 'app',
  overload: 'proxy',
  'rate-limited': 'proxy',
};

const GATEWAY_PAGES = [NGINX_PAGE, HAPROXY_PAGE, /<hr><address>httpwhy-gateway<\/address>/];
const MAX_LINE = 2_000;
const MAX_HEADER_VALUE = 100;
const MAX_BODY = 400;
const MAX_RAW = 300;

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

function bodyOf(exchange: RawExchange): Pick<GatewayOutcome, 'body' | 'cut'> {
  const response = splitResponse(exchange.bytes);
  if (!response) return { body: exchange.bytes.length === 0 ? 'none' : 'raw', cut: null };
  const text = response.body.toString('latin1');
  const missing = missingBodyBytes(response);
  const body: BodyKind = GATEWAY_PAGES.some((page) => page.test(text)) ? 'gateway-page' : text === '' ? 'empty' : 'app';
  return { body, cut: missing > 0 ? { received: response.body.length, announced: response.body.length + missing } : null };
}

/** What the client saw, short enough to show: the head with long values clipped and the start of the body, or the raw bytes; curl's error last. */
function exhibit(exchange: RawExchange): string {
  const response = splitResponse(exchange.bytes);
  const paste = clientPaste(exchange);
  const curl = /\ncurl: .*\n$/.exec(paste)?.[0].trim();
  const shown = response
    ? [response.statusLine, ...response.headers.map(({ name, value }) => `${name}: ${clip(value, MAX_HEADER_VALUE)}`), '', clip(response.body.toString('latin1'), MAX_BODY)]
    : [clip(exchange.bytes.toString('latin1'), MAX_RAW)];
  return [...shown, ...(curl ? [curl] : [])].join('\n');
}

export function toGatewayOutcome(gateway: GatewayName, capture: GatewayCapture): GatewayOutcome {
  const response = splitResponse(capture.exchange.bytes);
  const status = response ? Number(response.statusLine.split(' ')[1]) : null;
  const { body, cut } = bodyOf(capture.exchange);
  const intact = status !== null && status < 400 && cut === null;
  const d = summarize(clientPaste(capture.exchange));
  return {
    status,
    statusLine: response?.statusLine ?? null,
    body,
    cut,
    retryAfter: (response && headerValue(response.headers, 'Retry-After')) ?? null,
    signature: clip(stablePorts(stableTimes(SIGNATURES[gateway](capture.logs))), MAX_LINE),
    access: capture.logs.access.slice(0, 5).map((l) => clip(l, MAX_LINE)),
    error: capture.logs.error.slice(0, 5).map((l) => clip(l, MAX_LINE)),
    app: capture.appLog.slice(0, 1).map((l) => clip(l, MAX_LINE)),
    response: exhibit(capture.exchange),
    failing: intact ? null : FAILING[capture.mode],
    diagnosis: { verdict: d.verdict as GatewayOutcome['diagnosis']['verdict'], issuer: d.issuer, fingerprint: d.fingerprint },
  };
}

export interface RunCaptures {
  /** Every scenario through each gateway. */
  captures: Record<GatewayName, GatewayCapture[]>;
  versions: Record<GatewayName, string>;
  /** YYYY-MM-DD */
  capturedAt: string;
}

/** The data file's content, validated by the same schema the site loads it with. */
export function buildGatewayOutcomes(run: RunCaptures): GatewayOutcomes {
  const scenarios = SCENARIOS.map((scenario) => ({
    scenario,
    outcomes: Object.fromEntries(
      GATEWAYS.map((gateway) => {
        const capture = run.captures[gateway].find((c) => c.mode === scenario);
        if (!capture) throw new Error(`no capture of ${scenario} through ${gateway}`);
        return [gateway, toGatewayOutcome(gateway, capture)];
      }),
    ),
  }));
  return parseGatewayOutcomes(JSON.stringify({ capturedAt: run.capturedAt, versions: run.versions, scenarios }));
}

/** What a new run must reproduce: everything but the raw lines and responses (times, ids, ports), the capture date and httpwhy's version. */
function comparable(data: GatewayOutcomes) {
  const { httpwhy: _version, ...proxyVersions } = data.versions;
  return {
    versions: proxyVersions,
    scenarios: data.scenarios.map(({ scenario, outcomes }) => ({
      scenario,
      outcomes: Object.fromEntries(
        Object.entries(outcomes).map(([gateway, o]) => [
          gateway,
          { status: o.status, body: o.body, cut: o.cut, retryAfter: o.retryAfter, signature: o.signature, appLogged: o.app.length > 0, failing: o.failing, diagnosis: o.diagnosis },
        ]),
      ),
    })),
  };
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const shown = (value: unknown) => (value === undefined ? 'missing' : JSON.stringify(value));

/** One line per field that differs, named by its path below `where` (nested objects such as the diagnosis field by field). */
function fieldDifferences(where: string, field: string, committed: unknown, live: unknown): string[] {
  if (isRecord(committed) && isRecord(live)) {
    const keys = [...new Set([...Object.keys(committed), ...Object.keys(live)])];
    return keys.flatMap((key) => fieldDifferences(where, field === '' ? key : `${field}.${key}`, committed[key], live[key]));
  }
  const label = field === '' ? where : `${where}: ${field}`;
  return isDeepStrictEqual(committed, live) ? [] : [`${label} is ${shown(live)}, committed ${shown(committed)}`];
}

/**
 * Where a live run differs from the committed data in what must not change, one line per field, naming the
 * scenario, the gateway and the field: `slow-headers through nginx: status is 502, committed 504`. Empty: they agree.
 */
export function mismatches(committed: GatewayOutcomes, live: GatewayOutcomes): string[] {
  const was = comparable(committed);
  const now = comparable(live);
  const versions = fieldDifferences('versions', '', was.versions, now.versions);
  const scenarios = [...new Set([...was.scenarios, ...now.scenarios].map((s) => s.scenario))];
  return [
    ...versions,
    ...scenarios.flatMap((scenario) => {
      const before = was.scenarios.find((s) => s.scenario === scenario)?.outcomes ?? {};
      const after = now.scenarios.find((s) => s.scenario === scenario)?.outcomes ?? {};
      const gateways = [...new Set([...Object.keys(before), ...Object.keys(after)])];
      return gateways.flatMap((gateway) => fieldDifferences(`${scenario} through ${gateway}`, '', before[gateway], after[gateway]));
    }),
  ];
}
