/**
 * Splits a space-separated log line into fields, keeping `"quoted strings"` (with `\"` escapes),
 * `[bracketed]` and `{braced}` groups whole and without their delimiters (an address `[::1]:443` keeps its brackets). Runs
 * of spaces are one separator.
 */
const CLOSE: Record<string, string> = { '"': '"', '[': ']', '{': '}' };

export function splitFields(line: string): string[] {
  const fields: string[] = [];
  const n = line.length;
  let i = 0;
  while (i < n) {
    if (line[i] === ' ') {
      i++;
      continue;
    }
    const close = CLOSE[line[i] as string];
    if (close) {
      let j = line.indexOf(close, i + 1);
      if (close === '"') while (j > 0 && line[j - 1] === '\\') j = line.indexOf(close, j + 1);
      if (j < 0) j = n;
      // `[2001:db8::1]:443`, an IPv6 address with its port, is one field with its brackets, not a group.
      if (close === ']' && j + 1 < n && line[j + 1] !== ' ') {
        const k = line.indexOf(' ', j);
        j = k < 0 ? n : k;
        fields.push(line.slice(i, j));
        i = j;
        continue;
      }
      fields.push(line.slice(i + 1, j));
      i = j + 1;
    } else {
      const j = line.indexOf(' ', i);
      const stop = j < 0 ? n : j;
      fields.push(line.slice(i, stop));
      i = stop;
    }
  }
  return fields;
}

/** `GET /path?q HTTP/1.1` → method and path (ALB's absolute `http://host:80/path` reduced to the path). */
export function splitRequestLine(line: string): { method: string; path: string } {
  const sp1 = line.indexOf(' ');
  if (sp1 < 0) return { method: '', path: line };
  const sp2 = line.lastIndexOf(' ');
  let path = sp2 > sp1 && line.startsWith('HTTP/', sp2 + 1) ? line.slice(sp1 + 1, sp2) : line.slice(sp1 + 1);
  const scheme = /^[a-z][a-z0-9+.-]*:\/\/[^/]*/i.exec(path);
  if (scheme) path = path.slice(scheme[0].length) || '/';
  return { method: line.slice(0, sp1), path };
}

/** `10.0.0.1:443` or `[2a02:cf40::4e36]:5000` without the port; an IPv6 address without brackets is left whole. */
export function withoutPort(address: string): string {
  const bracketed = /^\[([^\]]+)\]/.exec(address);
  if (bracketed) return bracketed[1] as string;
  return address.split(':').length === 2 ? address.replace(/:\d+$/, '') : address;
}

/** Path and query of a full request URL, as load balancers, CDNs and tunnels log it; anything else as it is. */
export function pathOfUrl(url: string): string {
  const m = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i.exec(url);
  return m ? url.slice(m[0].length) || '/' : url;
}
