/**
 * Other clients' words for a proxy that refused to open a tunnel (its answer to CONNECT was not 200), where no
 * response of the server itself was ever read:
 * - Python's http.client (and urllib3 and requests above it): `Tunnel connection failed: 403 Forbidden`;
 * - Java's HttpURLConnection: `Unable to tunnel through proxy. Proxy returns "HTTP/1.1 407 Proxy Authentication Required"`;
 * - .NET's HttpClient: `The proxy tunnel request to proxy 'http://proxy:8080/' failed with status code '407'.`
 * The status is the proxy's answer; the message is kept as the response's body, which the forward proxy's
 * fingerprint reads (data/fingerprints/forward-proxy.yaml), and as the client's failure.
 */
import { RESPONSE_LABEL } from './observation-label.ts';
import type { Observation } from './types.ts';

const TUNNEL_REFUSAL =
  /\bTunnel connection failed ?: (\d{3})\b[^\n'")]*|\bUnable to tunnel through proxy\. Proxy returns "HTTP\/\d(?:\.\d)? (\d{3})\b[^\n"]*"|\bThe proxy tunnel request to proxy '[^'\n]{1,300}' failed with status code '(\d{3})'/;

/** The proxy's refusal a client reported in its own words, as the response it was; null when the text holds none. */
export function clientProxyRefusal(text: string): Observation | null {
  const m = TUNNEL_REFUSAL.exec(text);
  if (!m) return null;
  const status = Number(m[1] ?? m[2] ?? m[3]);
  return {
    label: RESPONSE_LABEL,
    response: { httpVersion: null, status, reason: '', headers: [], body: m[0].trim(), truncated: false, form: 'message', bodyNote: null },
    // The request failed whatever the status: a 302 from the proxy (its login page) is no redirect of the server's.
    failure: { tool: 'client', exitCode: null, kind: null, message: m[0].trim(), trace: [] },
    hops: [],
  };
}
