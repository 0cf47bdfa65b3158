/**
 * Container registry clients print the registry's error code where other clients print the status: distribution's
 * errcode (docker, containerd, containers/image under podman, buildah and skopeo) as the code lower-cased with spaces
 * ("unauthorized: …", "name unknown: …"), go-containerregistry (crane, ko) as sent ("NAME_UNKNOWN: …"), after the
 * request (`Get "https://quay.io/v2/": `, `GET https://…/v2/…/manifests/x: `), after the image reference
 * (containers/image's `reading manifest latest in quay.io/org/app: `) or alone after docker's "Error response from
 * daemon: ". Registries send each code with the status the distribution spec gives it (distribution's
 * registry/api/errcode/register.go and registry/api/v2/errors.go), which is the status read here.
 */
const STATUS_OF_CODE: Readonly<Record<string, number>> = {
  UNAUTHORIZED: 401,
  DENIED: 403,
  UNSUPPORTED: 405,
  UNAVAILABLE: 503,
  TOOMANYREQUESTS: 429,
  DIGEST_INVALID: 400,
  SIZE_INVALID: 400,
  RANGE_INVALID: 416,
  NAME_INVALID: 400,
  TAG_INVALID: 400,
  NAME_UNKNOWN: 404,
  MANIFEST_UNKNOWN: 404,
  MANIFEST_INVALID: 400,
  MANIFEST_UNVERIFIED: 400,
  MANIFEST_BLOB_UNKNOWN: 400,
  BLOB_UNKNOWN: 404,
  BLOB_UPLOAD_UNKNOWN: 404,
  BLOB_UPLOAD_INVALID: 404,
};

const CODES = Object.keys(STATUS_OF_CODE);
/** A code as the clients print it: distribution's lower case with spaces, or the code itself. */
const PRINTED_CODES = CODES.map((c) => c.toLowerCase().replaceAll('_', ' '));
const PRINTED_CODE = `(${PRINTED_CODES.join('|')})`;
const CODE = `(${[...PRINTED_CODES, ...CODES].join('|')})`;
const MESSAGE = String.raw`(\S[^\n]{0,500})`;
const METHOD = '(Get|Head|Post|Put|Patch|Delete|GET|HEAD|POST|PUT|PATCH|DELETE)';

/** After the request the client made to the registry's API (`/v2/`). */
const AFTER_REQUEST = new RegExp(String.raw`\b${METHOD} "?(https?://[^\s"/]+/v2/[^\s"]*)"?: ${CODE}: ${MESSAGE}`);
/** containers/image's read of a manifest or blob of a reference whose first part is the registry's host (`reading manifest latest in quay.io/org/app: `). */
const AFTER_REFERENCE = new RegExp(String.raw`\breading (?:manifest|blob) \S+ in ([a-z0-9-]+(?:\.[a-z0-9-]+)+(?::\d+)?)/([a-z0-9._/-]+): ${CODE}: ${MESSAGE}`);
/**
 * Alone at the line's start, or after docker's or a CLI's prefix: only in distribution's lower case, since a gRPC
 * client prints its own codes in capitals (`UNAVAILABLE: upstream connect error …`).
 */
const ALONE = new RegExp(String.raw`^(?:Error response from daemon: |(?:Error|ERROR|error): (?:failed to \w+: )?)?${PRINTED_CODE}: ${MESSAGE}`);

/** The registry a reference names: Docker Hub's `docker.io` is served at registry-1.docker.io. */
const registryHost = (host: string) => (host === 'docker.io' ? 'registry-1.docker.io' : host);

export interface RegistryErrorLine {
  found: { status: number; reason: string; method: string | null; url: string | null };
  /** The code and the registry's message, as the client printed them: what the error body said. */
  body: string;
}

const found = (code: string, message: string, method: string | null, url: string | null): RegistryErrorLine => {
  const status = STATUS_OF_CODE[code.toUpperCase().replaceAll(' ', '_')] as number;
  return { found: { status, reason: '', method, url }, body: `${code}: ${message.trimEnd()}` };
};

/** The registry's error the line prints, with the status its code stands for and the request when it shows; else null. */
export function registryError(text: string): RegistryErrorLine | null {
  const request = AFTER_REQUEST.exec(text);
  if (request) return found(request[3] as string, request[4] as string, (request[1] as string).toUpperCase(), request[2] as string);
  // containers/image reads a manifest or a blob with a GET to https://<host>/v2/<name>/…: the registry is the reference's.
  const reference = AFTER_REFERENCE.exec(text);
  if (reference) return found(reference[3] as string, reference[4] as string, 'GET', `https://${registryHost(reference[1] as string)}/v2/${reference[2]}/`);
  const alone = ALONE.exec(text);
  return alone ? found(alone[1] as string, alone[2] as string, null, null) : null;
}
