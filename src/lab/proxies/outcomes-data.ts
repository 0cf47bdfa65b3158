/**
 * What the built-in gateway, nginx, HAProxy and Caddy answered for each lab scenario in a real run:
 * `data/lab/gateway-outcomes.json`, written by `node scripts/proxy-outcomes.ts` (with docs/proxy-outcomes.md) and
 * checked against a live run by test/proxies/. Validated with zod when loaded; the site's comparison page and the
 * quiz's "who failed?" questions read it.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { FailingHop } from '../failure-pages.ts';
import { SCENARIOS, type Scenario } from '../lab.ts';

/** The built-in httpwhy gateway, then the real proxies. */
export const GATEWAYS = ['httpwhy', 'nginx', 'haproxy', 'caddy'] as const;
export type GatewayName = (typeof GATEWAYS)[number];

/** What the client's body was: the gateway's own error page, an empty body, the app's body, bytes with no HTTP head, nothing. */
export const BODY_KINDS = ['gateway-page', 'empty', 'app', 'raw', 'none'] as const;
export type BodyKind = (typeof BODY_KINDS)[number];

const FAILING_HOPS = ['app', 'link', 'proxy'] as const satisfies readonly FailingHop[];

const count = z.number().int().min(0);
const line = z.string().max(2_000);

const outcomeSchema = z
  .object({
    /** null: no HTTP response head reached the client. */
    status: z.number().int().min(100).max(599).nullable(),
    statusLine: z.string().max(200).nullable(),
    body: z.enum(BODY_KINDS),
    /** The body was cut: bytes received of those announced. */
    cut: z.object({ received: count, announced: count }).strict().nullable(),
    retryAfter: z.string().max(100).nullable(),
    /** The gateway's log lines about the request, condensed, with timings and ports that vary per run replaced. */
    signature: line,
    /** The gateway's access and error lines as captured. */
    access: z.array(line).max(5),
    error: z.array(line).max(5),
    /** The app's first line about the request (no stack frames); empty: the app logged nothing. */
    app: z.array(line).max(1),
    /** The client's view, shortened: status line, headers, the start of the body (or the raw bytes), curl's error. */
    response: z.string().max(4_000),
    /** Which hop failed, seen from the client; null: nothing failed (the client got an intact answer from the app). */
    failing: z.enum(FAILING_HOPS).nullable(),
    diagnosis: z
      .object({
        verdict: z.enum(['identified', 'unknown', 'no-error', 'error']),
        issuer: z.string().max(100).nullable(),
        fingerprint: z.string().max(100).nullable(),
      })
      .strict(),
  })
  .strict();

export const gatewayOutcomesSchema = z
  .object({
    /** The day of the run, YYYY-MM-DD. */
    capturedAt: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    versions: z.object(Object.fromEntries(GATEWAYS.map((g) => [g, z.string().min(1).max(40)])) as Record<GatewayName, z.ZodString>).strict(),
    scenarios: z
      .array(
        z
          .object({
            scenario: z.enum(SCENARIOS as readonly Scenario[] as [Scenario, ...Scenario[]]),
            outcomes: z.object(Object.fromEntries(GATEWAYS.map((g) => [g, outcomeSchema])) as Record<GatewayName, typeof outcomeSchema>).strict(),
          })
          .strict(),
      )
      .refine((list) => list.map((s) => s.scenario).join() === SCENARIOS.join(), { message: `one entry per scenario, in order: ${SCENARIOS.join(', ')}` }),
  })
  .strict();

export type GatewayOutcome = z.infer<typeof outcomeSchema>;
export type GatewayOutcomes = z.infer<typeof gatewayOutcomesSchema>;

export const GATEWAY_OUTCOMES_FILE = new URL('../../../data/lab/gateway-outcomes.json', import.meta.url);

/** Parses and validates the data; a broken file is a packaging bug, reported with every zod issue. */
export function parseGatewayOutcomes(json: string): GatewayOutcomes {
  const result = gatewayOutcomesSchema.safeParse(JSON.parse(json));
  if (!result.success) {
    throw new Error(`data/lab/gateway-outcomes.json is invalid: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return result.data;
}

let loaded: GatewayOutcomes | undefined;

/** The committed outcomes, read and validated once. */
export function gatewayOutcomes(): GatewayOutcomes {
  loaded ??= parseGatewayOutcomes(readFileSync(GATEWAY_OUTCOMES_FILE, 'utf8'));
  return loaded;
}
