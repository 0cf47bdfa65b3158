/**
 * Python's http.client with `debuglevel` 1 (what `requests` debugging recipes turn on) prints the exchange as
 * `send: b'GET / HTTP/1.1\r\n...'`, then `reply: 'HTTP/1.1 403 Forbidden\r\n'` and a `header: Name: value` line per
 * response header (http/client.py, HTTPResponse.begin). The reply's repr becomes the status line, the `header: `
 * marks go, and the request's `send:` lines with them; the lines that follow (a body a program printed) stay.
 */
const REPLY = /^reply: (['"])(HTTP\/\d(?:\.\d)? \d{3}\b.*?)(?:\\r)?(?:\\n)?\1\s*$/;
const HEADER = /^header: /;

export function httpClientDebug(lines: string[]): string[] {
  const at = lines.findIndex((l) => REPLY.test(l));
  if (at < 0 || !HEADER.test(lines[at + 1] ?? '')) return lines;
  const out: string[] = [];
  for (const line of lines) {
    const reply = REPLY.exec(line);
    if (reply) out.push(reply[2] ?? '');
    else if (HEADER.test(line)) out.push(line.slice('header: '.length));
    else if (!line.startsWith('send: ')) out.push(line);
  }
  return out;
}
