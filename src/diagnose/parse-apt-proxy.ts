/**
 * apt's message when the proxy it tunnels HTTPS through refuses the CONNECT (Debian/apt methods/connect.cc,
 * UnwrapHTTPConnect): "Invalid response from proxy: " and the proxy's whole response head, printed on the message's
 * one line, every CR and LF a space: the header lines two spaces apart, the blank line after them four, then apt's
 * own " [IP: address port]". The head rebuilt line by line is the proxy's answer (Squid's, tinyproxy's,
 * apt-cacher-ng's "403 CONNECT denied").
 */
const MARK = 'Invalid response from proxy: ';
/** The rest of the message's line after the mark: the head, then apt's `[IP: …]`. */
const APT_PROXY_HEAD = /^(HTTP\/\d(?:\.\d)? \d{3}\b.*?)\s*(?:\[IP: [^\]]*\])?[ \t]*$/;
/** Where a CR LF was: two spaces before a header's name and its colon. */
const HEADER_START = / {2}(?=[A-Za-z0-9-]{1,64}: )/g;

/** The proxy's response head in apt's message, as raw HTTP; null when the text holds no such message. */
export function aptProxyHead(text: string): string | null {
  // The first message only, read once: a pattern searched for anywhere would re-read a long line from every mark.
  const at = text.indexOf(MARK);
  if (at < 0) return null;
  const end = text.indexOf('\n', at);
  const m = APT_PROXY_HEAD.exec(text.slice(at + MARK.length, end < 0 ? text.length : end));
  return m ? `${(m[1] as string).replace(HEADER_START, '\r\n')}\r\n\r\n` : null;
}
