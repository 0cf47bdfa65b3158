/**
 * The host a paste shows the request went to: curl's `> Host:` line or `Connected to`, a request line with the whole
 * URL (`GET https://…`, npm's and Go's wording), a client's `for url:` (Python's requests, Java's URLConnection), a
 * `url:` field of the request a client logged, a HAR entry's URL. Only where the words say *request*: a host named in
 * a response's body or a documentation link is not where the request went. Null when the paste names none, or several
 * that disagree (a redirect to another service, a proxy's own host).
 */
const HOST = String.raw`([a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+)`;
const URL_HOST = String.raw`["'\x60]?https?://(?:[^@/\s"']+@)?${HOST}`;

const REQUEST_PLACES: readonly RegExp[] = [
  new RegExp(String.raw`^\s*>\s*host:\s*${HOST}`, 'gim'),
  new RegExp(String.raw`^\*\s+connected to\s+${HOST}\s`, 'gim'),
  new RegExp(String.raw`\b(?:get|post|put|patch|delete|head|options)\s+${URL_HOST}`, 'gi'),
  // Rust's reqwest: "HTTP status client error (401 Unauthorized) for url (https://…)".
  new RegExp(String.raw`\bfor url(?::\s*| \()${URL_HOST}`, 'gi'),
  // `url` or `uri` alone (a recorded cassette's) or `request_url`, not `documentation_url` (a link inside an error body).
  new RegExp(String.raw`(?<![\w-])(?:request[ _-]?)?ur[il]["']?\s*[:=]\s*${URL_HOST}`, 'gi'),
  // Homebrew's "==> Downloading <url>" and "Download failed: <url>" around curl's error; Qt's QNetworkReply "Error
  // transferring <url> - server replied: <reason>" (any Qt application's).
  new RegExp(String.raw`\b(?:while getting|when requesting|failed to transfer file:|failed to fetch|request (?:to|of|for)|download failed:|==> downloading|error transferring)\s+${URL_HOST}`, 'gi'),
  // git's (libcurl's) "fatal: unable to access '<url>': The requested URL returned error: 503".
  new RegExp(String.raw`\bunable to access\s+${URL_HOST}`, 'gi'),
  // NuGet's (and dotnet restore's) "Unable to load the service index for source <url>", "Retrying 'FindPackagesByIdAsync'
  // for source '<url>'".
  new RegExp(String.raw`\bfor source\s+${URL_HOST}`, 'gi'),
  // Maven's resolver: "Could not transfer artifact <coordinates> from/to central (https://repo.maven.apache.org/maven2)".
  new RegExp(String.raw`\bfrom\/to [\w.-]+ \(${URL_HOST}`, 'gi'),
  // PHP's stream functions name the URL they opened: "file_get_contents(http://…): failed to open stream".
  new RegExp(String.raw`\b(?:file_get_contents|fopen)\(${URL_HOST}`, 'gi'),
  // An image's registry as docker and buildx name it: "The push refers to repository [ghcr.io/…]", "pushing ghcr.io/…
  // with docker", "failed to push <registry>/…" (a registry's host has a dot; Docker Hub's short names have none).
  new RegExp(String.raw`(?:\bthe push refers to repository \[|\bpushing |\bfailed to push )${HOST}/`, 'gi'),
  // Cargo's "failed to publish to registry at https://crates.io".
  new RegExp(String.raw`\bfailed to publish to registry at\s+${URL_HOST}`, 'gi'),
  // A status and its reason phrase, then where it came from: twine's "400 Bad Request from https://upload.pypi.org/…".
  new RegExp(String.raw`\b[1-5]\d\d [A-Z][A-Za-z' -]{1,40} from ${URL_HOST}`, 'g'),
];

/** The one host the paste's request went to, in lower case; null when it names none or several. */
export function requestedHost(text: string): string | null {
  const hosts = new Set<string>();
  for (const place of REQUEST_PLACES) {
    for (const match of text.matchAll(place)) {
      const host = match[1]?.toLowerCase();
      if (host !== undefined) hosts.add(host);
    }
  }
  const [only, ...others] = hosts;
  return only !== undefined && others.length === 0 ? only : null;
}
