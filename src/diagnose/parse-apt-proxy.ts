/**
 * apt's message when the proxy it tunnels HTTPS through refuses the CONNECT (Debian/apt methods/connect.cc,
 * UnwrapHTTPConnect): "Invalid response from proxy: " and the proxy's whole response head, printed on the message's
 * one line, every CR and LF a space: the header lines two spaces apart, the blank line after them four, then apt's
 * own " [IP: address port]". The head rebuilt line by line is the proxy's answer (Squid's, tinyproxy's,
 * apt-cacher-ng's "403 CONNECT denied").
 */
const APT_PROXY_HEAD = /Invalid response from proxy: (HTTP\/\d(?:\.\d)? \d{3}\b[^\n]*?)\s*(?:\[IP: [^\]\n]*\])?[ \t]*$/m;
/** Where a CR LF was: two spaces before a header's name and its colon. */
const HEADER_START = / {2}(?=[A-Za-z0-9-]{1,64}: )/g;

/** The proxy's response head in apt's message, as raw HTTP; null when the text holds no such message. */
export function aptProxyHead(text: string): string | null {
  const m = APT_PROXY_HEAD.exec(text);
  return m ? `${(m[1] as string).replace(HEADER_START, '\r\n')}\r\n\r\n` : null;
}
