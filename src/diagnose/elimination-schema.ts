/**
 * The zod schema of `data/fingerprints/elimination.yaml`: when no component's own page matches a response, rules
 * that decide whether it came from the application behind the components in the path, by elimination, or must
 * stay unknown. Each rule says when it applies, its verdict and confidence, why, and where that is documented.
 */
import { z } from 'zod';
import { CONFIDENCES } from '../confidence.ts';
import { headerName, kebab, pattern } from './schema-patterns.ts';

/** What the body is, as far as elimination cares: the proxies' own pages are HTML or empty, apps send anything. */
/**
 * `status-text`: plain text that is only the status's own words ("404 Not Found", "Bad Gateway"), what servers write
 * for their own errors (Go's http.Error, Caddy 1, Traefik), so no sign of an application's message. `status-json`:
 * JSON that says no more than that (`{"message":"Forbidden"}`), what API gateways answer for themselves too.
 */
export const BODY_KINDS = ['json', 'status-json', 'text', 'status-text', 'html', 'empty', 'absent'] as const;
export type BodyKind = (typeof BODY_KINDS)[number];

const line = z.string().min(3).max(400);
/** `{status}`, `{behind}` (the other components in the path), `{app}` (the application seen) and `{reason}` (the status line's reason phrase) are filled in. */
const ruleTextSchema = z
  .object({
    summary: z.string().min(20).max(700),
    whereToLook: z.array(line).min(1).max(5),
    nextSteps: z.array(line).min(1).max(5),
  })
  .strict();

const conditionSchema = z
  .object({
    /** Absent: any error status. */
    statuses: z.array(z.number().int().min(400).max(599)).min(1).optional(),
    /** The paste shows no status at all: a body pasted alone (only such a rule reads one). */
    noStatus: z.literal(true).optional(),
    /** An application (a framework, or an application server of `appServers`) shows in the headers. */
    appInPath: z.literal(true).optional(),
    /** No component at all shows in the headers (or the input had none: a body alone). */
    alone: z.literal(true).optional(),
    body: z.array(z.enum(BODY_KINDS)).min(1).optional(),
    /** Every other component in the path is one of these families (whose own answers never look like this). */
    behind: z.array(z.string().regex(kebab)).min(1).optional(),
    /**
     * A pattern the status line's reason phrase must match, letter case included: whoever wrote the status line in
     * its own words issued the response (a proxy that replaces a body writes its own status line too).
     */
    reason: pattern.optional(),
    /** A header the response must carry (lower case). */
    header: headerName.optional(),
    /** A pattern that header's value must match (case-insensitive). */
    headerValue: pattern.optional(),
    /**
     * A Server header, when the response has one, is one the fingerprints know (an in-path fingerprint matched it): a
     * server nobody knows may have written the status line itself.
     */
    knownServer: z.literal(true).optional(),
    /** The rule does not apply when the response carries one of these headers (lower case). */
    withoutHeaders: z.array(headerName).min(1).optional(),
    /** The rule does not apply when the body contains one of these (the generic pages proxies also send). */
    exceptBody: z.array(z.string().min(1)).min(1).optional(),
    /**
     * A pasted access-log line whose own fields say the upstream answered (the log analyzer's verdict `app`), or
     * (`app-server`) the line an application's server writes for each request it answered. A rule with `logged`
     * reads only log lines, and every other rule only responses.
     */
    logged: z.enum(['app', 'app-server']).optional(),
    /**
     * The status was reported by a client that calls the server's own port with nothing in between (the kubelet's
     * probe): a rule with `direct` reads only such reports, of which it knows the status and nothing else.
     */
    direct: z.literal(true).optional(),
  })
  .strict()
  .refine((c) => c.headerValue === undefined || c.header !== undefined, 'headerValue needs the header it applies to')
  .refine((c) => !(c.noStatus && c.statuses), 'noStatus and statuses exclude each other');

const ruleSchema = z
  .object({
    id: z.string().regex(kebab),
    when: conditionSchema,
    /** `app`: name the application (or the next hop); `unknown`: stay undecided, and say why. */
    verdict: z.enum(['app', 'unknown']),
    confidence: z.enum(CONFIDENCES).exclude(['high']).optional(),
    sources: z.array(z.url()).min(1),
    text: z.object({ en: ruleTextSchema, id: ruleTextSchema }).strict(),
  })
  .strict()
  .refine((r) => (r.verdict === 'app') === (r.confidence !== undefined), 'an app verdict needs a confidence (medium or low); unknown takes none')
  .refine(
    (r) => r.when.appInPath === true || r.when.alone === true || r.when.behind !== undefined || r.when.logged !== undefined || r.when.reason !== undefined || r.when.direct === true,
    'a rule needs to know who is in the path (appInPath, alone, behind, a logged line or a direct client) or who wrote the status line (reason)',
  );

export const eliminationFileSchema = z
  .object({
    /** Application servers: a response that carries their header came through the application's own process. */
    appServers: z.array(z.string().regex(kebab)),
    /** First matching rule wins. */
    rules: z.array(ruleSchema),
  })
  .strict();

export type EliminationRule = z.infer<typeof ruleSchema>;
export type EliminationData = z.infer<typeof eliminationFileSchema>;
