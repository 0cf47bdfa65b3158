/**
 * The zod schema of the knowledge base: language-neutral facts (`meta.yaml`) and per-locale prose
 * (`en.yaml`, `id.yaml`). The build (`scripts/build-data.ts`) and the tests validate every file with it;
 * the library trusts the built output and never loads zod at run time.
 */
import { z } from 'zod';

import { ISSUERS, STANDINGS, VENDORS } from './constants.ts';
import { LOCALES } from '../i18n/index.ts';

export { ISSUERS, STANDINGS, VENDORS };
export type { Issuer, Standing, Vendor } from './constants.ts';

export const localeSchema = z.enum(LOCALES);
export const standingSchema = z.enum(STANDINGS);
export const issuerSchema = z.enum(ISSUERS);
export const vendorSchema = z.enum(VENDORS);

/** When a client may retry: `never`, `always` (idempotent requests), or `conditional` (explained in the prose field `retry`). */
export const retryableSchema = z.enum(['never', 'always', 'conditional']);

const idPattern = /^(\d{3}(\.\d{1,3})?)(-[a-z0-9]+)*$/;
const statusPattern = /^\d{3}(\.\d{1,3})?$/;
const headerName = z.string().regex(/^[A-Za-z][A-Za-z0-9-]*$/);

export const metaSchema = z
  .object({
    /** The status as people write it: "502", "502.3", "009", "000". */
    status: z.string().regex(statusPattern),
    /** Registry name for IANA codes (exact), vendor wording otherwise. */
    reason: z.string().min(1).max(80),
    standing: standingSchema,
    /** Null for IANA/temporary/historic/joke registry codes. */
    vendor: vendorSchema.nullable(),
    /** Disambiguates meanings of one number within one vendor, e.g. "arr" vs "ancm" for IIS 502.5. */
    context: z.string().regex(/^[a-z0-9-]+$/).nullable(),
    spec: z
      .object({
        /** e.g. "RFC 9110, Section 15.6.3" or "Cloudflare docs: Error 522". */
        title: z.string().min(3),
        url: z.url(),
      })
      .strict(),
    issuedBy: z.array(issuerSchema).min(1),
    flags: z
      .object({
        retryable: retryableSchema,
        /** RFC 9110 §15.1 plus 451 (RFC 7725). */
        cacheableByDefault: z.boolean(),
        /** The response has no content by definition (1xx, 204, 205, 304) or the client gets nothing at all. */
        emptyBody: z.boolean(),
        redirect: z.boolean(),
        /** Only meaningful for redirects: true when the method and body must be kept (307, 308). */
        methodPreserving: z.boolean().nullable(),
        interim: z.boolean(),
        /** False when the code only exists in logs (nginx 444/499, ALB 460, nginx 009). */
        clientVisible: z.boolean(),
      })
      .strict(),
    /**
     * The status line the client receives when it is not this code: nginx logs 494-497 but answers 400; ArcGIS
     * answers 200 and puts 498/499 in the JSON body. Absent otherwise; IIS sub-statuses need none (they go out as
     * their base code), nor do WebDAV codes that also travel inside a 207 Multi-Status body (208, 424).
     */
    wireStatus: z.string().regex(/^\d{3}$/).optional(),
    /** Headers that matter for this status (sent with it or deciding it). */
    headers: z.array(headerName),
    /** Headers a correct response with this status must or should carry (used by the lab). */
    requiredHeaders: z.array(headerName),
    /** Ids of related entries; each gets a one-line distinction in the prose files. */
    related: z.array(z.string().regex(idPattern)).min(1),
    /** A raw example exchange: request then response, HTTP/1.1 wire format, LF line ends. */
    example: z
      .object({
        request: z.string().min(5),
        response: z.string().min(5),
        /**
         * What the proxy logged for it, for codes that live in logs (444, 499, 009, 460): each line as written,
         * in order. A test reads them with httpwhy's own log analyzer.
         */
        log: z
          .array(z.object({ kind: z.enum(['access', 'error']), line: z.string().min(20) }).strict())
          .min(1)
          .optional(),
      })
      .strict(),
  })
  .strict();
/** The language-neutral facts of a code, as `data/codes/<id>/meta.yaml` holds them. */
export type CodeMeta = z.infer<typeof metaSchema>;

const line = z.string().min(3).max(400);
const paragraph = z.string().min(20).max(2000);
const list = z.array(line).min(1);

export const proseSchema = z
  .object({
    /** Only in translations: sha256 (hex) of the English file this translation follows. */
    source: z.string().regex(/^[a-f0-9]{64}$/).optional(),
    /** Localised reason phrase; equal to the registry name in English. */
    title: z.string().min(1).max(100),
    summary: line,
    description: paragraph,
    whenYouSeeIt: paragraph,
    /** Short answer to "who failed?", used in the cheat sheet and comparisons. */
    whoFailed: line,
    causes: list,
    whereToLook: list,
    fix: z.object({ operator: list, client: list }).strict(),
    /** When and how to retry (or why not). */
    retry: line,
    /** One-line distinction per related id (keys must equal meta.related). */
    related: z.record(z.string(), line),
    /** Extra search words people type for this code: old names, nicknames, everyday words ("waktu habis"). */
    keywords: z.array(z.string().min(2).max(60)).optional(),
  })
  .strict();
/** The prose of a code in one language, as `data/codes/<id>/<locale>.yaml` holds it. */
export type CodeProse = z.infer<typeof proseSchema>;

export const comparisonProseSchema = z
  .object({
    source: z.string().regex(/^[a-f0-9]{64}$/).optional(),
    /** One paragraph: the difference in one breath. */
    summary: paragraph,
    keyDifferences: z.array(line).min(2),
    /** When to use (or expect) each code; keys are the two ids. */
    whenToUse: z.record(z.string(), line),
    /** How to tell them apart in production: headers, logs, timing. */
    tellApart: z.array(line).min(1),
  })
  .strict();
export type ComparisonProse = z.infer<typeof comparisonProseSchema>;
