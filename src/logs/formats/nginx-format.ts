/**
 * The parser of nginx-style access logs (the CLF family presets and any `log_format`): a compiled format
 * (log-format.ts) scanned by generated code (format-scanner.ts). Parsing a line records field offsets only;
 * strings are decoded in `access()`, which the analysis calls only for the lines that matter.
 */
import type { AccessRecord, FormatId } from '../types.ts';
import { scannerFor, type Scanner } from './format-scanner.ts';
import { BaseParser, KIND, type LineKind } from './line-parser.ts';
import { CLF_LENGTH, ROLE, type CompiledFormat } from './log-format.ts';
import { BLANKED_CLF_TIME, ClfTime, anyTime } from './log-time.ts';
import { nginxPageSignal } from './nginx-page-size.ts';
import { nginxSignal } from './nginx-signals.ts';
import { splitRequestLine } from './split-fields.ts';

/** A JSON string's content (`escape=json`); as logged when it is no valid JSON string (`escape=default` writes `\\x22`). */
function unescapeJson(raw: string): string {
  try {
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    return raw;
  }
}

/** Variables whose values are one word (an address, a user, a host; not `$upstream_addr`, a list after a retry). */
const ONE_WORD_VARIABLES = ['remote_addr', 'the_real_ip', 'remote_user', 'remote_ident', 'host', 'server_name'];
/** Variables whose values are a number, or `-`. */
const NUMBER_VARIABLES = ['server_port', 'body_bytes_sent', 'bytes_sent'];
/** A time field blanked out by whoever pasted the line, its zone kept or not. */
const REDACTED_TIME = new RegExp(String.raw`^${BLANKED_CLF_TIME}(?: [+-]\d{4})?$`);
/** `-` and a blank as bytes. */
const DASH = 0x2d;
const SPACE = 0x20;

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
  /** The line last read, for a full scan when a verdict needs fields past the last one the analysis reads. */
  private text = '';
  private start = 0;
  private end = 0;
  /** `$body_bytes_sent` and `$http_user_agent`, -1 when the format lacks them: nginx's own page is told by its size. */
  private readonly bodyBytesVar: number;
  /** `$status $body_bytes_sent`, as CLF has them: a request answered with nothing logs `- -` there (morgan). */
  private readonly sizeFollowsStatus: boolean;
  private readonly userAgentVar: number;
  /** Strict mode checks these fields' shape: values of one word, and numbers (see `shapesFit`). */
  private readonly oneWordVars: number[];
  private readonly numberVars: number[];

  /** The proxy's own server when it stands in for an upstream (nginx-signals.ts `ownServer`), for a product's format. */
  private readonly ownServer: string | undefined;

  constructor(format: FormatId, compiled: CompiledFormat, ownServer?: string) {
    super();
    this.format = format;
    this.ownServer = ownServer;
    this.compiled = compiled;
    this.offsets = new Int32Array(compiled.variables.length * 2);
    const time = compiled.byRole[ROLE.timeLocal] as number;
    this.guessedTime = time >= 0 && compiled.guesses[time] === CLF_LENGTH ? time : -1;
    this.bodyBytesVar = compiled.variables.indexOf('body_bytes_sent');
    const status = compiled.byRole[ROLE.status] as number;
    this.sizeFollowsStatus = status >= 0 && compiled.variables[status + 1] === 'body_bytes_sent' && compiled.literals[status + 1] === ' ';
    this.userAgentVar = compiled.variables.indexOf('http_user_agent');
    const indexesOf = (names: readonly string[]) => compiled.variables.flatMap((name, i) => (names.includes(name) ? [i] : []));
    this.oneWordVars = indexesOf(ONE_WORD_VARIABLES);
    this.numberVars = indexesOf(NUMBER_VARIABLES);
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
    const { byRole } = this.compiled;
    const offsets = this.offsets;
    if (this.strict) {
      this.trailing = end - pos;
      if (!this.shapesFit(text)) return KIND.none;
    }
    const sv = 2 * (byRole[ROLE.status] as number);
    const s = offsets[sv] as number;
    if (offsets[sv + 1] === s + 1 && buf[s] === DASH && this.sizeFollowsStatus && buf[s + 1] === SPACE && buf[s + 2] === DASH && (s + 3 === end || buf[s + 3] === SPACE)) {
      // Express's morgan writes `- -` for the status and size of a request it never answered (the client left, the
      // app hung): a request all the same, counted as one that logged no status. nginx and Apache always log a
      // number; a lone `-` where another format has its status is no such request.
      this.status = 0;
    } else {
      if (offsets[sv + 1] !== s + 3) return KIND.none;
      const d0 = (buf[s] as number) - 48;
      const d1 = (buf[s + 1] as number) - 48;
      const d2 = (buf[s + 2] as number) - 48;
      if (d0 < 0 || d0 > 9 || d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) return KIND.none;
      this.status = d0 * 100 + d1 * 10 + d2;
    }
    if (!this.readTime(buf, text)) return KIND.none;
    this.buf = buf;
    this.text = text;
    this.start = start;
    this.end = end;
    this.flagged = false;
    return KIND.access;
  }

  /**
   * An address, a user name or a port holds no blank, and a port is a number: a format that reads one otherwise is
   * another format's fields run together (a virtual host and the address read as combined's address, a container
   * runtime's prefix read as a virtual host and its port).
   */
  private shapesFit(text: string): boolean {
    const o = this.offsets;
    for (const v of this.oneWordVars) if (text.slice(o[2 * v], o[2 * v + 1]).includes(' ')) return false;
    return this.numberVars.every((v) => /^(?:\d+|-)$/.test(text.slice(o[2 * v], o[2 * v + 1])));
  }

  private readTime(buf: Buffer, text: string): boolean {
    const { byRole } = this.compiled;
    const o = this.offsets;
    let v = byRole[ROLE.timeLocal] as number;
    if (v >= 0) {
      if (this.clf.parse(buf, o[2 * v] as number, o[2 * v + 1] as number)) {
        this.timeMs = this.clf.ms;
        this.tzOffsetMin = this.clf.offsetMin;
        return true;
      }
      // A time the person who pasted the line blanked out (`[---------- +0000]`, `[xx/xxx/xxxx:xx:xx:xx +0000]`): the
      // line is read without one.
      if (!REDACTED_TIME.test(text.slice(o[2 * v], o[2 * v + 1]))) return false;
      this.timeMs = Number.NaN;
      this.tzOffsetMin = 0;
      return true;
    }
    v = Math.max(byRole[ROLE.timeIso] as number, byRole[ROLE.timeMsec] as number);
    this.tzOffsetMin = 0;
    this.timeMs = v >= 0 ? anyTime(text.slice(o[2 * v], o[2 * v + 1])).ms : Number.NaN;
    return true;
  }

  /** The decoded field of a role, undefined when the format lacks it; JSON escapes undone in a JSON format's values. */
  private field(role: number): string | undefined {
    return this.variable(this.compiled.byRole[role] as number);
  }

  private variable(v: number): string | undefined {
    if (v < 0) return undefined;
    const raw = this.buf.toString('utf8', this.offsets[2 * v], this.offsets[2 * v + 1]);
    return this.compiled.json && raw.includes('\\') ? unescapeJson(raw) : raw;
  }

  /**
   * A 500, 502, 503 or 504 whose upstream fields (when logged) say nothing or leave it open: nginx's own page, told by
   * its size.
   * The fields past the last one the analysis reads were not scanned: the line is scanned whole for them, only here.
   */
  private pageSignal(status: number) {
    if (status < 500 || status > 504 || status === 501 || this.bodyBytesVar < 0) return null;
    if (!this.strict && Math.max(this.bodyBytesVar, this.userAgentVar) > this.compiled.lastUsed) {
      const scan = (this.scanAll ??= scannerFor(this.compiled, true));
      if (scan(this.buf, this.text, this.start, this.end, this.offsets, true) < 0) return null;
    }
    return nginxPageSignal(status, this.variable(this.bodyBytesVar), this.variable(this.userAgentVar));
  }

  override access(): AccessRecord {
    const request = splitRequestLine(this.field(ROLE.request) ?? '');
    const method = this.field(ROLE.method) ?? request.method;
    const path = this.field(ROLE.uri) ?? request.path;
    const requestId = this.field(ROLE.requestId) ?? '';
    const upstream = this.field(ROLE.upstreamAddr);
    const status = this.status;
    const ownPage = () => this.pageSignal(status);
    const fields = nginxSignal(status, {
      status: this.field(ROLE.upstreamStatus),
      addr: upstream,
      connect: this.field(ROLE.upstreamConnect),
      header: this.field(ROLE.upstreamHeader),
      length: this.field(ROLE.upstreamLength),
      ownServer: this.ownServer,
      ownPage,
    });
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
      signal: fields ?? ownPage(),
      truncatedBy: null,
      ...(status === 0 ? { tcp: true as const } : {}),
    };
  }
}
