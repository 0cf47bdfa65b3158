/**
 * The zod schema of the fingerprint data (`data/fingerprints/<family>.yaml`): what identifies each
 * proxy, CDN, gateway, server and framework, and what to tell the user, in English and Indonesian.
 * What a proxy in front would answer for a network failure is not here but in proxy-answer-schema.ts.
 * The build (`scripts/build-fingerprints.ts`) validates every file with it; the engine trusts the
 * built output (`build/fingerprints.json`) and never loads zod at run time.
 *
 * Pattern flags: header values and client messages match case-insensitively; body patterns and
 * `contains` are case-sensitive, `^`/`$` anchor the whole body, and bodies are matched with CRLF read as LF.
 */
import { z } from 'zod';
import { kebab, pattern } from './schema-patterns.ts';
import { ISSUERS, VENDORS, type Vendor } from '../codes/index.ts';
import { CONFIDENCES } from '../confidence.ts';
import { FAILURE_DETAILS, NETWORK_FAILURE_KINDS } from './network-failure.ts';
import { EVIDENCE_KINDS, FORMAT_IDS } from '../logs/index.ts';
import type { DefaultPageTemplate } from './default-page-schema.ts';
import type { EliminationData } from './elimination-schema.ts';
import type { ProxyAnswerRow } from './proxy-answer-schema.ts';
import type { ServiceHostsData } from './service-host-schema.ts';


const headerMatcherSchema = z
  .object({
    /** `*` with `absent`: the response has no header at all. */
    name: z.string().regex(/^(?:[a-z][a-z0-9-]*|\*)$/, 'header names are written in lower case'),
    /** Pattern the value must match; omitted: any value. */
    value: pattern.optional(),
    /** The header must not be there. */
    absent: z.literal(true).optional(),
  })
  .strict()
  .refine((h) => !(h.absent && h.value !== undefined), 'an absent header takes no value pattern')
  .refine((h) => h.name !== '*' || h.absent === true, 'the name * stands for any header and is only used with absent');

const bodyMatcherSchema = z.union([
  z.object({ contains: z.string().min(1) }).strict(),
  z
    .object({
      regex: pattern,
      /**
       * The pattern's shape is the component's own even where its words are common (aiohttp's whole page "400: Bad
       * Request", where other servers write "400 Bad Request"): its form for copied page text counts as distinctive.
       */
      distinctiveShape: z.literal(true).optional(),
      /**
       * The pattern reads markup that copied page text does not keep and that alone tells this component from another
       * (kamal-proxy's em-dash <title> beside the sentence Rails' public 404 page shares): the fingerprint does not
       * match page text.
       */
      markupOnly: z.literal(true).optional(),
    })
    .strict()
    .refine((m) => !(m.markupOnly && m.distinctiveShape), 'a markupOnly pattern has no text form to be distinctive'),
  z.object({ empty: z.literal(true) }).strict(),
]);

const responseMatchers = {
  /** Pattern on the status line's reason phrase (HTTP/1.x only). */
  reason: pattern.optional(),
  headers: z.array(headerMatcherSchema).min(1).optional(),
  body: z.array(bodyMatcherSchema).min(1).optional(),
};

const alternativeSchema = z
  .object(responseMatchers)
  .strict()
  .refine((a) => a.reason !== undefined || a.headers !== undefined || a.body !== undefined, 'an alternative needs a matcher');

export const matchSchema = z
  .object({
    status: z.array(z.number().int().min(100).max(599)).min(1).optional(),
    ...responseMatchers,
    /** At least one of these must match as well: "this header, or else this body marker". */
    anyOf: z.array(alternativeSchema).min(2).optional(),
    /**
     * A client's own failure: curl's `curl: (<exit code>) <message>` (`message` also sees curl's `*` lines), or
     * another client's network error by the kind its words name (transport-errors.ts).
     */
    failure: z
      .object({
        exitCodes: z.array(z.number().int().min(1).max(99)).min(1).optional(),
        kinds: z.array(z.enum(NETWORK_FAILURE_KINDS)).min(1).optional(),
        message: pattern.optional(),
      })
      .strict()
      .refine((f) => (f.exitCodes === undefined) !== (f.kinds === undefined), 'a failure matcher takes curl exit codes or failure kinds, one of them')
      .optional(),
    /**
     * A pasted access-log line (diagnose reads those with the log analyzer's parsers and verdict table): its format,
     * the kind of fact its fields must give (nginx's upstream fields), who the line says answered (`proxy`: the log's
     * writer itself; `app`: the app behind it, or the app whose server wrote the line), and
     * words of the line or of the error-log line joined to it.
     * A fingerprint with `logged` matches only log lines, and every other fingerprint only responses.
     */
    logged: z
      .object({
        formats: z.array(z.enum(FORMAT_IDS)).min(1),
        evidence: z.array(z.enum(EVIDENCE_KINDS)).min(1).optional(),
        issued: z.enum(['proxy', 'app']).optional(),
        /** Pattern on the line and the error-log line joined to it (a server name only one product sets). */
        line: pattern.optional(),
      })
      .strict()
      .optional(),
  })
  .strict()
  .refine((m) => m.logged === undefined || Object.keys(m).every((k) => k === 'logged' || k === 'status'), 'a logged matcher takes only a status beside it');

const line = z.string().min(3).max(400);
const summary = z.string().min(20).max(600);

const issuerTextSchema = z
  .object({
    summary,
    /** Ranked: most likely first. */
    causes: z.array(line).min(1).max(6),
    whereToLook: z.array(line).min(1).max(5),
    nextSteps: z.array(line).min(1).max(5),
  })
  .strict();

const inPathTextSchema = z.object({ summary }).strict();

const common = {
  id: z.string().regex(kebab),
  /** Display name; fingerprints of the same component share it exactly. */
  component: z.string().min(2).max(60),
  layer: z.enum(ISSUERS),
  confidence: z.enum(CONFIDENCES),
  /** The component's source file or documentation page that backs this fingerprint. */
  source: z.url(),
  /** This component is a more specific name for another one (ingress-nginx refines nginx). */
  refines: z.string().min(2).max(60).optional(),
  match: matchSchema,
};

const issuerFingerprintSchema = z
  .object({
    ...common,
    /** This component produced the response (or, for client tools, reported the failure). */
    role: z.literal('issuer'),
    /**
     * The component sends this page with a success status by default (F5's WAF answers its block page with 200), so
     * it names the issuer on a 2xx response too: the status hides the failure, the body shows it.
     */
    sentAsSuccess: z.literal(true).optional(),
    /**
     * The confidence when the fingerprint matched copied words (page text, a client's printout) instead of the
     * response: another component writes the same words in another shape (Fiber's plain "Cannot GET /" is the text of
     * Express's page), which only the markup or the headers tell apart.
     */
    wordsConfidence: z.enum(CONFIDENCES).optional(),
    networkFailure: z.enum(NETWORK_FAILURE_KINDS).optional(),
    /** What exactly was wrong, when the proxies' answers depend on it (data/fingerprints/proxy-answers.yaml). */
    networkFailureDetail: z.enum(FAILURE_DETAILS).optional(),
    text: z.object({ en: issuerTextSchema, id: issuerTextSchema }).strict(),
  })
  .strict();

const inPathFingerprintSchema = z
  .object({
    ...common,
    /** This component is on the path: the response went through it. */
    role: z.literal('in-path'),
    text: z.object({ en: inPathTextSchema, id: inPathTextSchema }).strict(),
  })
  .strict();

export const fingerprintSchema = z.discriminatedUnion('role', [issuerFingerprintSchema, inPathFingerprintSchema]);

export const familySchema = z
  .object({
    /** Equals the file name without `.yaml`. */
    family: z.string().regex(kebab),
    /** The knowledge base's vendor for this family, so its vendor codes are preferred (499 -> 499-nginx). */
    kbVendor: z.enum(VENDORS).optional(),
    fingerprints: z.array(fingerprintSchema).min(1),
  })
  .strict();

export type Fingerprint = z.infer<typeof fingerprintSchema>;
export type Match = z.infer<typeof matchSchema>;
export type FamilyFile = z.infer<typeof familySchema>;

/** One fingerprint as `build/fingerprints.json` holds it. */
export type BuiltFingerprint = Fingerprint & { family: string; kbVendor: Vendor | null };

export interface FingerprintBundle {
  fingerprints: BuiltFingerprint[];
  /** data/fingerprints/proxy-answers.yaml, validated with proxy-answer-schema.ts. */
  proxyAnswers: ProxyAnswerRow[];
  /** data/fingerprints/elimination.yaml, validated with elimination-schema.ts. */
  elimination: EliminationData;
  /** data/fingerprints/default-pages.yaml, validated with default-page-schema.ts. */
  defaultPages: DefaultPageTemplate[];
  /** data/fingerprints/service-hosts.yaml, validated with service-host-schema.ts; null when it is invalid. */
  serviceHosts: ServiceHostsData | null;
}
