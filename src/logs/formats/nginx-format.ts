/**
 * Compiles an nginx `log_format` string into a byte-level parser: the format becomes literals and variables,
 * each variable ends where the next literal starts (format-scanner.ts turns that into code). Parsing a line
 * records field offsets only; strings are decoded in `access()`, which the analysis calls only for the lines
 * that matter.
 */
import { HttpwhyError } from '../../errors.ts';
import { CHECK, scannerFor, type Scanner } from './format-scanner.ts';
import { BaseParser, KIND, type LineKind } from './line-parser.ts';
import { ClfTime, anyTime } from './log-time.ts';
import { nginxSignal } from './nginx-signals.ts';
import { splitRequestLine } from './split-fields.ts';
import type { AccessRecord, FormatId } from '../types.ts';

const ROLE = {
  other: 0,
  client: 1,
  timeLocal: 2,
  timeIso: 3,
  timeMsec: 4,
  request: 5,
  method: 6,
  uri: 7,
  status: 8,
  requestId: 9,
  upstreamStatus: 10,
  upstreamAddr: 11,
  upstreamConnect: 12,
  upstreamHeader: 13,
  requestTime: 14,
  connection: 15,
} as const;
const ROLE_COUNT = 16;

const VARIABLE_ROLES: Record<string, number> = {
  remote_addr: ROLE.client,
  time_local: ROLE.timeLocal,
  time_iso8601: ROLE.timeIso,
  msec: ROLE.timeMsec,
  request: ROLE.request,
  request_method: ROLE.method,
  request_uri: ROLE.uri,
  uri: ROLE.uri,
  status: ROLE.status,
  request_id: ROLE.requestId,
  req_id: ROLE.requestId,
  http_x_request_id: ROLE.requestId,
  upstream_status: ROLE.upstreamStatus,
  upstream_addr: ROLE.upstreamAddr,
  upstream_connect_time: ROLE.upstreamConnect,
  upstream_header_time: ROLE.upstreamHeader,
  request_time: ROLE.requestTime,
  connection: ROLE.connection,
};

/** Presets, written as nginx would (`$remote_ident` stands for Apache's `%l`, usually "-"). */
export const PRESET_FORMATS = {
  combined: '$remote_addr $remote_ident $remote_user [$time_local] "$request" $status $body_bytes_sent "$http_referer" "$http_user_agent"',
  common: '$remote_addr $remote_ident $remote_user [$time_local] "$request" $status $body_bytes_sent',
  'nginx-main':
    '$remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent "$http_referer" "$http_user_agent" "$http_x_forwarded_for"',
  'ingress-nginx':
    '$remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent "$http_referer" "$http_user_agent" $request_length $request_time [$proxy_upstream_name] [$proxy_alternative_upstream_name] $upstream_addr $upstream_response_length $upstream_response_time $upstream_status $req_id',
  'traefik-clf':
    '$remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent "$http_referer" "$http_user_agent" $request_count "$router_name" "$upstream_addr" $duration',
} as const satisfies Partial<Record<FormatId, string>>;

export interface CompiledFormat {
  source: string;
  variables: string[];
  /** Per variable, what may look like its end but is not (CHECK); decided once here, not per line. */
  checks: Uint8Array;
  /** Per variable, the value length to check for before searching (0: search at once); see `guessLengths`. */
  guesses: Uint8Array;
  /** literals[0] precedes the first variable; literals[i + 1] follows variable i (as latin1 bytes, like line text). */
  literals: string[];
  /** Variable index per role, -1 when absent. */
  byRole: Int8Array;
  /** Last variable the analysis reads; later ones are skipped outside strict mode. */
  lastUsed: number;
}

/** Accepts the string as written in nginx.conf, with or without the `'…' '…'` quoting and `escape=`. */
/** Lines are scanned as latin1 text, so literals are compared as their UTF-8 bytes read the same way. */
function asLineText(s: string): string {
  return Buffer.from(s).toString('latin1');
}

function unquote(text: string): string {
  const body = text.trim().replace(/^escape=\w+\s+/, '').replace(/;$/, '');
  const segments = [...body.matchAll(/'([^']*)'/g)].map((m) => m[1]);
  return segments.length > 0 && body.startsWith("'") ? segments.join('') : body;
}

export function compileLogFormat(text: string): CompiledFormat {
  const source = unquote(text);
  const variables: string[] = [];
  const literals: string[] = [];
  let last = 0;
  for (const m of source.matchAll(/\$(?:\{(\w+)\}|(\w+))/g)) {
    const literal = source.slice(last, m.index);
    if (variables.length > 0 && literal === '') {
      throw new HttpwhyError('HW_ERR_LOGS_BAD_LOG_FORMAT', `Variables $${variables.at(-1)} and $${m[1] ?? m[2]} touch: nothing separates them, so the log cannot be split.`);
    }
    literals.push(asLineText(literal));
    variables.push(m[1] ?? m[2] ?? '');
    last = m.index + m[0].length;
  }
  literals.push(asLineText(source.slice(last)));
  const roles = Int8Array.from(variables, (v) => VARIABLE_ROLES[v] ?? ROLE.other);
  const byRole = new Int8Array(ROLE_COUNT).fill(-1);
  roles.forEach((role, i) => {
    if (role !== ROLE.other && byRole[role] === -1) byRole[role] = i;
  });
  if (byRole[ROLE.status] === -1) {
    throw new HttpwhyError('HW_ERR_LOGS_BAD_LOG_FORMAT', 'The log format has no $status variable, so statuses cannot be counted.', { format: source });
  }
  const lastUsed = roles.findLastIndex((role) => role !== ROLE.other);
  const checks = Uint8Array.from(variables, (_, v) => {
    const next = (literals[v + 1] as string) || ' ';
    if (next.startsWith('"')) return CHECK.escapedQuote;
    // `$upstream_*` values may hold `, ` and ` : ` separators (one entry per upstream tried).
    return (variables[v] as string).startsWith('upstream_') && next.startsWith(' ') ? CHECK.listSeparator : CHECK.none;
  });
  return { source, variables, checks, guesses: guessLengths(variables, literals, byRole), literals, byRole, lastUsed };
}

/** Chars of a `$time_local` value (`10/Oct/2000:13:55:36 -0700`), which ClfTime checks one by one. */
const CLF_CHARS = /[\w/: +.-]/;
const CLF_LENGTH = 26;

/**
 * Most values have a usual length: `$status` three digits, `$time_local` 26 chars, most others a lone `-`.
 * The scanner checks for the next literal there before searching. A guess is only taken when no earlier match
 * can exist: a lone char must not start the literal; time and status are validated after the scan, and their
 * literal starts with a char those values never hold (the parser searches again when validation fails).
 */
function guessLengths(variables: string[], literals: string[], byRole: Int8Array): Uint8Array {
  return Uint8Array.from(variables, (_, v) => {
    const next = (literals[v + 1] as string)[0];
    if (next === undefined) return 0;
    if (v === byRole[ROLE.status]) return /\d/.test(next) ? 0 : 3;
    if (v === byRole[ROLE.timeLocal]) return CLF_CHARS.test(next) ? 0 : CLF_LENGTH;
    return 1;
  });
}

export class NginxFormatParser extends BaseParser {
  readonly format: FormatId;
  readonly compiled: CompiledFormat;
  /**
   * Strict parsers check every field and measure `trailing`; others stop after the last field the analysis
   * reads and only check that the line ends like the format (detection uses strict parsers).
   */
  strict = false;
  /** Strict mode: chars after the last literal (0 when the format consumed the whole line). */
  trailing = 0;
  private readonly offsets: Int32Array;
  /** The `$time_local` variable when its length is guessed, else -1. */
  private readonly guessedTime: number;
  /** Generated on first use: detection tries many formats on a few lines, strictly. */
  private scanAll: Scanner | null = null;
  private scanUsed: Scanner | null = null;
  private readonly clf = new ClfTime();
  private buf: Buffer = Buffer.alloc(0);

  constructor(format: FormatId, compiled: CompiledFormat) {
    super();
    this.format = format;
    this.compiled = compiled;
    this.offsets = new Int32Array(compiled.variables.length * 2);
    const time = compiled.byRole[ROLE.timeLocal] as number;
    this.guessedTime = time >= 0 && compiled.guesses[time] === CLF_LENGTH ? time : -1;
  }

  parse(buf: Buffer, text: string, start: number, end: number): LineKind {
    const t = this.guessedTime;
    if (t >= 0) this.offsets[2 * t + 1] = -1;
    const kind = this.read(buf, text, start, end, true);
    if (kind !== KIND.none || t < 0 || (this.offsets[2 * t + 1] as number) - (this.offsets[2 * t] as number) !== CLF_LENGTH) return kind;
    // A guessed time that failed validation may hide a shorter one that passes: scan again, searching only. A
    // guessed status cannot (a status is exactly three digits), so other lines that fit nothing are scanned once.
    return this.read(buf, text, start, end, false);
  }

  private read(buf: Buffer, text: string, start: number, end: number, guess: boolean): LineKind {
    const scan = this.strict ? (this.scanAll ??= scannerFor(this.compiled, true)) : (this.scanUsed ??= scannerFor(this.compiled, false));
    const pos = scan(buf, text, start, end, this.offsets, guess);
    if (pos < 0) return KIND.none;
    if (this.strict) this.trailing = end - pos;
    const { byRole } = this.compiled;
    const offsets = this.offsets;
    const sv = 2 * (byRole[ROLE.status] as number);
    const s = offsets[sv] as number;
    if (offsets[sv + 1] !== s + 3) return KIND.none;
    const d0 = (buf[s] as number) - 48;
    const d1 = (buf[s + 1] as number) - 48;
    const d2 = (buf[s + 2] as number) - 48;
    if (d0 < 0 || d0 > 9 || d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) return KIND.none;
    this.status = d0 * 100 + d1 * 10 + d2;
    if (!this.readTime(buf, text)) return KIND.none;
    this.buf = buf;
    this.flagged = false;
    return KIND.access;
  }

  private readTime(buf: Buffer, text: string): boolean {
    const { byRole } = this.compiled;
    const o = this.offsets;
    let v = byRole[ROLE.timeLocal] as number;
    if (v >= 0) {
      if (!this.clf.parse(buf, o[2 * v] as number, o[2 * v + 1] as number)) return false;
      this.timeMs = this.clf.ms;
      this.tzOffsetMin = this.clf.offsetMin;
      return true;
    }
    v = Math.max(byRole[ROLE.timeIso] as number, byRole[ROLE.timeMsec] as number);
    this.tzOffsetMin = 0;
    this.timeMs = v >= 0 ? anyTime(text.slice(o[2 * v], o[2 * v + 1])).ms : Number.NaN;
    return true;
  }

  /** The decoded field of a role, undefined when the format lacks it. */
  private field(role: number): string | undefined {
    const v = this.compiled.byRole[role] as number;
    if (v < 0) return undefined;
    return this.buf.toString('utf8', this.offsets[2 * v], this.offsets[2 * v + 1]);
  }

  override access(): AccessRecord {
    const request = splitRequestLine(this.field(ROLE.request) ?? '');
    const method = this.field(ROLE.method) ?? request.method;
    const path = this.field(ROLE.uri) ?? request.path;
    const requestId = this.field(ROLE.requestId) ?? '';
    const upstream = this.field(ROLE.upstreamAddr);
    const status = this.status;
    return {
      status,
      timeMs: this.timeMs,
      tzOffsetMin: this.tzOffsetMin,
      client: this.field(ROLE.client) ?? '',
      method,
      path,
      requestId: requestId === '-' ? '' : requestId,
      upstream: upstream === undefined || upstream === '-' ? '' : upstream,
      connection: this.field(ROLE.connection) ?? '',
      requestTime: Number(this.field(ROLE.requestTime) ?? Number.NaN),
      signal: nginxSignal(status, {
        status: this.field(ROLE.upstreamStatus),
        addr: upstream,
        connect: this.field(ROLE.upstreamConnect),
        header: this.field(ROLE.upstreamHeader),
      }),
      truncatedBy: null,
    };
  }
}
