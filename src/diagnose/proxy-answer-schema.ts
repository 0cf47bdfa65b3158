/**
 * The zod schema of `data/fingerprints/proxy-answers.yaml`: what a reverse proxy, load balancer or CDN in
 * front would answer for each network failure, keyed by the failure kind and, where the answer depends on
 * it, the phase that failed or what exactly was wrong. The one source of these answers: the diagnosis of
 * curl's failures and the URL checker both read it through `proxyAnswersFor`.
 */
import { z } from 'zod';
import { FAILURE_DETAILS, FAILURE_PHASES, NETWORK_FAILURE_KINDS } from './network-failure.ts';

const answerSchema = z
  .object({
    /** The component, with the condition when the answer needs one: "nginx (proxy_ssl_verify on)". */
    component: z.string().min(2).max(60),
    /** null: the status was already sent; the client gets a truncated body. */
    status: z.number().int().min(100).max(599).nullable(),
    /** The component's source file or documentation page that backs this answer. */
    source: z.url(),
  })
  .strict();

const rowSchema = z
  .object({
    kind: z.enum(NETWORK_FAILURE_KINDS),
    /** Only when the phase changes the answers (a connect timeout during the TLS handshake). */
    phase: z.enum(FAILURE_PHASES).optional(),
    /** Only for `invalid-response`. */
    detail: z.enum(FAILURE_DETAILS).optional(),
    /** A component that documents no answer for this failure is left out. */
    answers: z.array(answerSchema).min(1),
  })
  .strict();

export const proxyAnswersFileSchema = z
  .object({
    /** The URLs the answers cite, named once here and referred to with YAML aliases. */
    sources: z.record(z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/), z.url()),
    failures: z.array(rowSchema).min(1),
  })
  .strict();

export type ProxyAnswerRow = z.infer<typeof rowSchema>;
