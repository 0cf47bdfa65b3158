/**
 * The zod schema of `data/fingerprints/service-hosts.yaml`: public services (GitHub's API, the npm registry, OpenAI's
 * API...) by the hosts clients call them at. When no component's own page explains a response and the input shows
 * that the request went to one of those hosts, the service's own servers answered it (verdict `inferred`, low).
 */
import { z } from 'zod';
import { readYaml, validated } from './read-data-file.ts';
import { pattern } from './schema-patterns.ts';

export const SERVICE_HOSTS_FILE = 'service-hosts.yaml';

/**
 * A host name, or `*.` and a domain for any host under it (`*-` and a name: any host whose first label ends so). Further
 * in, `*` stands for one label and a label ending in `-*` for any that starts so (S3's `s3-eu-west-1`).
 */
const hostPattern = z
  .string()
  .regex(
    /^(\*[.-])?[a-z0-9]([a-z0-9-]*[a-z0-9])?(-\*)?(\.(\*|[a-z0-9]([a-z0-9-]*[a-z0-9])?(-\*)?))+$/,
    'a lower-case host name, or *. (or *-) and a domain; * may stand for one label further in, or end one after a -',
  );
const line = z.string().min(3).max(400);
/** `{service}`, `{host}` (or, in clientSummary, `{client}`) and `{status}` are filled in. */
const PLACEHOLDERS = new Set(['service', 'host', 'client', 'status']);
const textSchema = z
  .object({
    summary: z.string().min(20).max(700),
    /** The summary when the paste names the service's own client library instead of a host. */
    clientSummary: z.string().min(20).max(700),
    /** Likely causes of a refusal (4xx) and of a failure (5xx) by the service itself. */
    causes4xx: z.array(line).min(1).max(4),
    causes5xx: z.array(line).min(1).max(4),
    whereToLook: z.array(line).min(1).max(4),
    nextSteps: z.array(line).min(1).max(4),
  })
  .strict();

const serviceSchema = z
  .object({
    /** The name the service goes by, as its fingerprints name it where it has some. */
    component: z.string().min(2),
    hosts: z.array(hostPattern).min(1),
    /**
     * The service's own front servers take every connection (no third-party CDN or WAF that answers for itself on
     * that host): any error status there is the service's. Otherwise only `behindEdgeStatuses` are.
     */
    ownEdge: z.boolean(),
    /**
     * Patterns (case-sensitive) for the service's own client library in a paste: an exception class in its namespace,
     * a stack frame in its package. That library calls the service's hosts only, so it stands for the host when the
     * paste names none; each pattern is backed by `clientSource`, the library's code.
     */
    clients: z.array(pattern).min(1).optional(),
    clientSource: z.url().optional(),
    source: z.url(),
  })
  .refine((s) => (s.clients === undefined) === (s.clientSource === undefined), 'clients and clientSource go together')
  .strict();

export const serviceHostsFileSchema = z
  .object({
    /** What a CDN or WAF in front of a service does not answer by itself: the service's own refusals. */
    behindEdgeStatuses: z.array(z.number().int().min(400).max(599)).min(1),
    text: z.object({ en: textSchema, id: textSchema }).strict(),
    services: z.array(serviceSchema).min(1),
  })
  .strict();

export type ServiceHostsData = z.infer<typeof serviceHostsFileSchema>;
export type ServiceByHost = z.infer<typeof serviceSchema>;

/** Reads and validates the file: every host belongs to one service, and both languages give as many lines. */
export function readServiceHosts(path: string, errors: string[]): ServiceHostsData | undefined {
  const file = readYaml(path, errors, 'public services by the hosts clients call');
  const data = file && validated(serviceHostsFileSchema, file.data, path, errors);
  if (!data) return undefined;
  const owner = new Map<string, string>();
  for (const service of data.services) {
    for (const host of service.hosts) {
      const first = owner.get(host);
      if (first !== undefined) errors.push(`${path}: host "${host}" is listed for ${first} and ${service.component}`);
      owner.set(host, service.component);
    }
  }
  for (const key of ['causes4xx', 'causes5xx', 'whereToLook', 'nextSteps'] as const) {
    if (data.text.en[key].length !== data.text.id[key].length) errors.push(`${path}: text.id.${key} and text.en.${key} differ in length`);
  }
  for (const text of [data.text.en, data.text.id].flatMap((t) => [t.summary, t.clientSummary, ...t.causes4xx, ...t.causes5xx, ...t.whereToLook, ...t.nextSteps])) {
    for (const [, name] of text.matchAll(/\{([a-z]+)\}/g)) if (!PLACEHOLDERS.has(name ?? '')) errors.push(`${path}: unknown placeholder {${name}}`);
  }
  return data;
}
