/**
 * Compiles a HAProxy `log-format` string (configuration manual §8.2.6, parsed as `lf_expr_compile` in src/log.c
 * does) into what reads its lines: a text format becomes a pattern with one capture per item, a `%{+json}o`
 * format (HAProxy 3.0+) the item each JSON key holds. Items are `%` + optional `(name)` + optional `{flags}` +
 * an alias (`%ST`, `%tsc`, `%{+Q}r`) or a sample expression (`%[unique-id]`); runs of spaces are one separator.
 * The presets are the formats of `option httplog`, `option httpslog` and `option httplog clf` (src/log.c).
 */
import { HttpwhyError } from '../../errors.ts';

export interface HaproxyFormat {
  source: string;
  /** A text format: the line pattern (found after any syslog header) and the item each capture group reads. */
  pattern: RegExp | null;
  groups: string[];
  /**
   * The item each key of the line's object holds: a `%{+json}o` format, or a text format written as an object
   * (`{"status":"%ST",…}`), read by its keys when its quotes were lost on the way (`{status:404,…}`).
   */
  keys: Map<string, string> | null;
}

/** haproxy/haproxy@50872daa6a857e82afc40b1c5161924aef4172d7:src/log.c, `default_http_log_format` and `clf_http_log_format`. */
const HTTP_LOG = '%ci:%cp [%tr] %ft %b/%s %TR/%Tw/%Tc/%Tr/%Ta %ST %B %CC %CS %tsc %ac/%fc/%bc/%sc/%rc %sq/%bq %hr %hs %{+Q}r';
const HTTPS_LOG = `${HTTP_LOG} %[fc_err]/%[ssl_fc_err,hex]/%[ssl_c_err]/%[ssl_c_ca_err]/%[ssl_fc_is_resumed] %[ssl_fc_sni]/%sslv/%sslc`;
const HTTP_CLF_LOG = '%{+Q}o %{-Q}ci - - [%trg] %r %ST %B "" "" %cp %ms %ft %b %s %TR %Tw %Tc %Tr %Ta %tsc %ac %fc %bc %sc %rc %sq %bq %CC %CS %hrl %hsl';
/** The variables HAProxy 2.5+ defines with these formats (`log-format "${HAPROXY_HTTP_LOG_FMT} …"`). */
const VARIABLES: Record<string, string> = { HAPROXY_HTTP_LOG_FMT: HTTP_LOG, HAPROXY_HTTPS_LOG_FMT: HTTPS_LOG, HAPROXY_HTTP_CLF_LOG_FMT: HTTP_CLF_LOG };

const NUMBER = '[+-]?\\d+';
/** Numeric aliases: timers (`-1` when never reached, `+` with logasap), byte counts, connection counts, ports. */
const NUMERIC = 'ST B U TR Tw Tc Tr Ta Tt Tq Th Ti Td Tu Ts ms ac fc bc sc rc sq bq cp fp bp sp lc pid rt'.split(' ');
const DATE = '\\d\\d/\\w{3}/\\d{4}:\\d\\d:\\d\\d:\\d\\d';
/** Value patterns of the aliases the analysis reads or that have a shape (configuration manual §8.2.6, alias table). */
const VALUE: Record<string, string> = {
  t: `${DATE}\\.\\d{3}`,
  tr: `${DATE}\\.\\d{3}`,
  T: `${DATE} [+-]\\d{4}`,
  Tl: `${DATE} [+-]\\d{4}`,
  trg: `${DATE} [+-]\\d{4}`,
  trl: `${DATE} [+-]\\d{4}`,
  tsc: '\\S{4}',
  ts: '\\S{2}',
  hr: '\\{[^}]*\\}',
  hs: '\\{[^}]*\\}',
  hrl: '.*?',
  hsl: '.*?',
  r: '.+?',
  ...Object.fromEntries(NUMERIC.map((alias) => [alias, NUMBER])),
};
/** Written only when headers are captured: with their separator, or nothing. */
const OPTIONAL = new Set(['hr', 'hs', 'hrl', 'hsl']);
/** Never quoted, even with the Q flag (`lf_int`, `lf_rawtext` in src/log.c). */
const RAW = new Set(['t', 'tr', 'T', 'Tl', 'trg', 'trl', 'tsc', 'ts', ...NUMERIC]);
/** Sample fetches that are an alias's documented equivalent (§8.2.6, alias table), converters aside. */
const FETCH_ALIASES: Record<string, string> = {
  'txn.status': 'ST',
  'unique-id': 'ID',
  src: 'ci',
  be_name: 'b',
  srv_name: 's',
  'txn.sess_term_state': 'ts',
  'txn.timer.total': 'Ta',
  method: 'HM',
};

/** `extra`: fields a user added (see `compileHaproxyFormat`), any number before the timers, any text after the end. */
type Node = { kind: 'text'; text: string } | { kind: 'separator' } | { kind: 'item'; alias: string; name: string; quoted: boolean } | { kind: 'extra' };

/** The argument as written in haproxy.cfg: `log-format` and quotes removed, backslash escapes and `${HAPROXY_*_LOG_FMT}` resolved. */
function configArgument(text: string): string {
  let t = text
    .trim()
    .replace(/^log-format\s+/, '')
    .replace(/\\\r?\n\s*/g, '');
  if (/^"[^]*"$/.test(t)) t = t.slice(1, -1).replace(/\\(.)/g, '$1');
  else if (/^'[^]*'$/.test(t)) t = t.slice(1, -1);
  else t = t.replace(/\\(.)/g, '$1');
  return t.replace(/\$\{(\w+)\}/g, (whole, name: string) => VARIABLES[name] ?? whole);
}

/** Splits a format into items, text and separators; `json` when `%{+json}o` encodes the line. */
function parseNodes(source: string): { nodes: Node[]; json: boolean } {
  const nodes: Node[] = [];
  let globalQuote = false;
  let json = false;
  const ITEM = /%(?:\(([\w-]*)(?::\w+)?\))?(?:\{([^}]*)\})?(?:\[((?:[^\]"']|"[^"]*"|'[^']*')*)\]|([A-Za-z][A-Za-z0-9]*))/y;
  let i = 0;
  const text = (t: string) => {
    const last = nodes.at(-1);
    if (last?.kind === 'text') last.text += t;
    else nodes.push({ kind: 'text', text: t });
  };
  while (i < source.length) {
    const c = source[i] as string;
    if (c === ' ' || c === '\t') {
      // Nothing written yet (a leading `%{+Q}o` writes nothing): no space either, as in `sess_build_logline`.
      if (nodes.length > 0 && nodes.at(-1)?.kind !== 'separator') nodes.push({ kind: 'separator' });
      i++;
      continue;
    }
    if (c !== '%') {
      text(c);
      i++;
      continue;
    }
    if (source[i + 1] === '%') {
      text('%');
      i += 2;
      continue;
    }
    ITEM.lastIndex = i;
    const m = ITEM.exec(source);
    if (!m) throw new HttpwhyError('HW_ERR_LOGS_BAD_LOG_FORMAT', `The HAProxy log-format has a '%' that starts no item at position ${i}: ${source}`, { format: source });
    i = ITEM.lastIndex;
    const flags = (m[2] ?? '').split(',');
    if (m[4] === 'o') {
      if (flags.includes('+Q')) globalQuote = true;
      if (flags.includes('-Q')) globalQuote = false;
      if (flags.includes('+json')) json = true;
      if (flags.includes('+cbor')) throw new HttpwhyError('HW_ERR_LOGS_BAD_LOG_FORMAT', 'HAProxy logs encoded as CBOR (%{+cbor}o) are not text lines; httpwhy reads text and JSON logs.', { format: source });
      continue;
    }
    const expr = m[3];
    const alias = expr === undefined ? (m[4] as string) : (FETCH_ALIASES[expr.split(',')[0] as string] ?? `[${expr}]`);
    const quoted = flags.includes('+Q') || (globalQuote && !flags.includes('-Q'));
    nodes.push({ kind: 'item', alias, name: m[1] ?? '', quoted });
  }
  return { nodes, json };
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** The pattern of a text format: items as capture groups (a quoted item also read unquoted), separators as runs of spaces. */
function textPattern(nodes: Node[], groups: string[]): string {
  let out = '';
  for (let n = 0; n < nodes.length; n++) {
    const node = nodes[n] as Node;
    if (node.kind === 'separator') out += ' +';
    else if (node.kind === 'text') out += escapeRegExp(node.text);
    else if (node.kind === 'extra' && n < nodes.length - 1) out += '(?:\\S+ +)*?';
    else if (node.kind === 'extra') {
      groups.push('extra');
      out += '(?: +(.*?))?';
    }
    else {
      const bare = VALUE[node.alias] ?? (node.alias.startsWith('[') ? '.+?' : '\\S+');
      let value: string;
      if (node.quoted && !RAW.has(node.alias)) {
        groups.push(node.alias, node.alias);
        value = `(?:"((?:[^"\\\\]|\\\\.)*)"|(${bare}))`;
      } else {
        groups.push(node.alias);
        value = `(${bare})`;
      }
      if (OPTIONAL.has(node.alias) && nodes[n + 1]?.kind === 'separator') {
        out += `(?:${value} +)?`;
        n++;
      } else {
        out += OPTIONAL.has(node.alias) ? `${value}?` : value;
      }
    }
  }
  return out;
}

/** In a text format written as an object, the key before each item (`"haproxy_statusCode":"%ST"`). */
function objectKeys(nodes: Node[]): Map<string, string> {
  const keys = new Map<string, string>();
  nodes.forEach((node, n) => {
    const before = nodes[n - 1];
    const key = node.kind === 'item' && before?.kind === 'text' ? /"?([\w.@-]+)"?\s*:\s*"?$/.exec(before.text)?.[1] : undefined;
    if (key !== undefined && node.kind === 'item') keys.set(key, node.alias);
  });
  return keys;
}

/**
 * Compiles a log-format string as written in haproxy.cfg. `extensible`: the format may have fields added before
 * the timers and after its end, as HAProxy's manual suggests extending the default formats (presets only).
 */
export function compileHaproxyFormat(text: string, extensible = false): HaproxyFormat {
  const source = configArgument(text);
  const { nodes, json } = parseNodes(source);
  const items = nodes.flatMap((n) => (n.kind === 'item' ? [n] : []));
  if (json) {
    const keys = new Map(items.filter((n) => n.name !== '').map((n) => [n.name, n.alias]));
    if (![...keys.values()].includes('ST')) throw new HttpwhyError('HW_ERR_LOGS_BAD_LOG_FORMAT', 'The HAProxy log-format names no %ST (status), so statuses cannot be counted.', { format: source });
    return { source, pattern: null, groups: [], keys };
  }
  if (!items.some((n) => n.alias === 'ST')) throw new HttpwhyError('HW_ERR_LOGS_BAD_LOG_FORMAT', 'The HAProxy log-format has no %ST (status), so statuses cannot be counted.', { format: source });
  if (extensible) {
    nodes.splice(nodes.findIndex((n) => n.kind === 'item' && n.alias === 'TR'), 0, { kind: 'extra' });
    nodes.push({ kind: 'extra' });
  }
  const groups: string[] = [];
  // A syslog header or other prefix may come first; the line ends with the format (trailing spaces aside).
  return { source, pattern: new RegExp(`(?:^|\\s)${textPattern(nodes, groups)}\\s*$`), groups, keys: source.startsWith('{') ? objectKeys(nodes) : null };
}

/** `option httplog` (and `httpslog`, whose fields come after the request) and `option httplog clf`, in the order tried. */
export const HAPROXY_PRESETS: readonly HaproxyFormat[] = [compileHaproxyFormat(HTTP_LOG, true), compileHaproxyFormat(HTTP_CLF_LOG)];

/** Whether a `--format` value is a HAProxy log-format (items such as `%ST`, `%{+Q}r`, `%[…]`) rather than an nginx one (`$status`). */
export function isHaproxyFormat(value: string): boolean {
  return /\$\{HAPROXY_\w+\}/.test(value) || (!/\$\{?\w/.test(value) && /%[[{(A-Za-z]/.test(value));
}
