/**
 * A response as a logger wrote it, line by line:
 * - every line behind a prefix whose digits change from line to line (a timestamp, a process id): Android logcat
 *   (`2021-03-04 10:11:12.345 1234-1299/com.example.app D/OkHttp: `), a log's `2024-01-01T10:00:00Z INFO `;
 * - an HTTP logging interceptor's lines: OkHttp's `HttpLoggingInterceptor` (`<-- 502 Bad Gateway https://... (12ms)`,
 *   the header lines, a blank line, the body, `<-- END HTTP (166-byte body)`) and Retrofit 1's
 *   (`<--- HTTP 502 https://... (12ms)` ... `<--- END HTTP (166-byte body)`).
 * The interceptor's status line is the response's own; a number elsewhere in a log line never is.
 */

/** A time of day near a line's start: what makes a shared prefix a log's, however many words it has. */
const TIME_OF_DAY = /\d\d:\d\d:\d\d/;
/** Where the time of day must be for the line to count as a log line. */
const TIME_WITHIN = 40;
/** A logcat prefix ends with the tag's colon (`D/OkHttp: `): up to this many words are the log's. */
const MAX_LOG_PREFIX_WORDS = 8;

const isBlank = (line: string) => line.trim() === '';
/** Digits as one shape, so that `10:11:12.345` and `10:11:13.001` share a prefix. */
const shapeOf = (line: string) => line.replace(/\d/g, '0');

/** A month's or a weekday's name, as syslog and some loggers write the date (`Jul 25 02:07:48 host app[1]: `). */
const DATE_WORD = /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun)\b/g;

/** A level word some loggers write before the time (sentry-cli's `DEBUG   2021-04-28 12:49:14.216944113 +02:00 `). */
const LEVEL_FIRST = /^\s*\[?(?:TRACE|DEBUG|INFO|WARN|WARNING|ERROR|FATAL)\]?\s+/;

/**
 * A log line opens with its time: no word comes before it but a level (a `Date:` header line or a sentence with a
 * time in it is no log line); a level letter or a date may (`I0507 13:00:53.5`, `2021-03-04T10:11:12Z`, `08-10
 * 11:38:44.492`, `Jul 25 02:07:48`).
 */
function opensWithTime(line: string): boolean {
  const time = TIME_OF_DAY.exec(line.slice(0, TIME_WITHIN));
  return time !== null && !/[A-Za-z]{3}/.test(line.slice(0, time.index).replace(LEVEL_FIRST, '').replace(DATE_WORD, ''));
}

/**
 * The prefix the log lines share once their digits are read as a shape, cut back to a word boundary, when it holds
 * a time of day; else ''. Lines without a time (a multi-line message's continuation) are not counted.
 */
function logPrefixShape(lines: readonly string[]): string {
  const logged = lines.filter(opensWithTime).map(shapeOf);
  if (logged.length < 3) return '';
  let prefix = logged[0] ?? '';
  for (const line of logged) {
    let n = 0;
    while (n < prefix.length && n < line.length && prefix[n] === line[n]) n += 1;
    prefix = prefix.slice(0, n);
  }
  prefix = prefix.slice(0, Math.max(prefix.lastIndexOf(' '), prefix.lastIndexOf('\t')) + 1);
  // A bracket the prefix opens and does not close holds the message's own words (`[ERROR 502 /path] ...`).
  for (const [open, close] of [['[', ']'], ['(', ')']] as const) {
    if (prefix.split(open).length > prefix.split(close).length) prefix = prefix.slice(0, prefix.lastIndexOf(open));
  }
  const words = prefix.trim().split(/\s+/).length;
  return TIME_OF_DAY.test(prefix) && words <= MAX_LOG_PREFIX_WORDS ? prefix : '';
}

/** Every line without the log's prefix (timestamps and all); lines without it stay as they are. */
export function dropLogPrefix(lines: readonly string[]): string[] {
  const prefix = logPrefixShape(lines.filter((l) => !isBlank(l)));
  if (prefix === '') return [...lines];
  const bare = prefix.trimEnd();
  return lines.map((l) => {
    const shape = shapeOf(l);
    if (shape.startsWith(prefix)) return l.slice(prefix.length);
    return shape.trimEnd() === bare ? '' : l;
  });
}

/**
 * OkHttp's `<-- 502 Bad Gateway https://host/path (123ms)` (also `<-- HTTP/1.1 502 ...`, OkHttp 2), Retrofit 1's
 * `<--- HTTP 502 ...`, after whatever prefix the logger gave the line (`I/okhttp.OkHttpClient: `).
 */
const LOGGED_STATUS = /^(.*?)<-{2,3} (?:HTTP\/(\d(?:\.\d)?) |HTTP )?(\d{3})(?: (.*))?$/;
/** What closes the logged response (`<-- END HTTP (166-byte body)`), or starts the next exchange (`--> GET ...`). */
const LOGGED_NEXT = /^(?:<-{2,3} |-{2,3}> )/;
/** `(123ms)` or `(123ms, 166-byte body)` at the end of the logged status line. */
const ELAPSED = /\(\d+ms(?:, [^)]*)?\)\s*$/;
/** A prefix that is no logger's: a quote or a word of prose before the arrow. */
const MAX_TAG_LENGTH = 120;

/** The status line an interceptor logged, as the status line or status statement the readers take. */
function statusLineOf(m: RegExpExecArray): string {
  const words = (m[4] ?? '').replace(ELAPSED, '').trim().split(/\s+/);
  // The URL is the last word (OkHttp 2 wrote none); the reason phrase (empty over HTTP/2) is what comes before it.
  const reason = (/^(?:[a-z][\w+.-]*:\/\/|\/)/i.test(words.at(-1) ?? '') ? words.slice(0, -1) : words).join(' ');
  return m[2] ? `HTTP/${m[2]} ${m[3]} ${reason}`.trimEnd() : `Status: ${m[3]} ${reason}`.trimEnd();
}

/**
 * The logged response, from the interceptor's status line to its END line, when the lines hold one; of several,
 * the last error (4xx or 5xx), else the last. The interceptor's lines are those with its status line's prefix
 * (digits may differ): other loggers' lines among them are left out. Null when there is none.
 */
export function loggedResponse(lines: readonly string[]): string[] | null {
  const starts = lines.flatMap((l, i) => {
    const m = LOGGED_STATUS.exec(l.trimEnd());
    // The interceptors always end the line with the time taken: an arrow in prose does not.
    return m && ELAPSED.test(m[4] ?? '') && (m[1] ?? '').length <= MAX_TAG_LENGTH && !/["'`>]/.test(m[1] ?? '') ? [{ at: i, m }] : [];
  });
  const chosen = starts.filter((s) => Number(s.m[3]) >= 400).at(-1) ?? starts.at(-1);
  if (!chosen) return null;
  const tag = shapeOf(chosen.m[1] ?? '');
  const own = lines.slice(chosen.at + 1).flatMap((l) => {
    if (shapeOf(l).startsWith(tag)) return [l.slice(tag.length)];
    return tag === '' || shapeOf(l).trimEnd() === tag.trimEnd() ? [''] : [];
  });
  const end = own.findIndex((l) => LOGGED_NEXT.test(l));
  const logged = end < 0 ? own : own.slice(0, end);
  // Retrofit 1 logs each header as `name: value`, and HttpURLConnection's status line as a header without a name.
  const statusHeader = /^: (HTTP\/\d(?:\.\d)? \d{3}\b.*)$/.exec(logged[0] ?? '');
  return statusHeader ? [statusHeader[1] ?? '', ...logged.slice(1)] : [statusLineOf(chosen.m), ...logged];
}
