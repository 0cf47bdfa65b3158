/**
 * @module errors
 * The one catalogue of httpwhy's errors. Every failure a user can cause has a stable code
 * (`HW_ERR_<AREA>_<WHAT>`), an HTTP status for the API, and an exit code for the CLI.
 * Match on `error.code`, never on the message.
 */

interface ErrorSpec {
  /** HTTP status the API answers with (problem+json). */
  status: number;
  /** CLI exit code: 2 for bad input, 1 for a problem found at run time. */
  exit: 1 | 2;
  /** Short title used as the problem+json `title`. */
  title: string;
}

/** Every error code httpwhy throws, with the HTTP status the API answers and the CLI's exit code. */
export const ERROR_CATALOGUE = {
  HW_ERR_INPUT_INVALID: { status: 400, exit: 2, title: 'Invalid input' },
  HW_ERR_CODES_INVALID_CODE: { status: 400, exit: 2, title: 'Not a status code' },
  HW_ERR_CODES_UNKNOWN_CODE: { status: 404, exit: 2, title: 'Unknown status code' },
  HW_ERR_CODES_UNKNOWN_LOCALE: { status: 400, exit: 2, title: 'Unknown language' },
  HW_ERR_COMPARE_MISSING_CODE: { status: 400, exit: 2, title: 'Two codes are needed to compare' },
  HW_ERR_SEARCH_EMPTY_QUERY: { status: 400, exit: 2, title: 'Empty search query' },
  HW_ERR_CLI_USAGE: { status: 400, exit: 2, title: 'Bad command-line usage' },
  HW_ERR_FILE_UNREADABLE: { status: 400, exit: 2, title: 'File cannot be read' },
  HW_ERR_NO_CODE_GENERATION: { status: 500, exit: 2, title: 'Node forbids generating code' },
  HW_ERR_WEB_NOT_FOUND: { status: 404, exit: 2, title: 'Not found' },
  HW_ERR_WEB_OVERLOADED: { status: 503, exit: 1, title: 'Server overloaded' },
  HW_ERR_WEB_RATE_LIMITED: { status: 429, exit: 1, title: 'Too many requests' },
  HW_ERR_WEB_BAD_PORT: { status: 400, exit: 2, title: 'Invalid port or host' },
  HW_ERR_WEB_EXPORT_DIR_NOT_EMPTY: { status: 400, exit: 2, title: 'Output directory is not empty' },
  HW_ERR_DIAGNOSE_UNREADABLE_INPUT: { status: 400, exit: 2, title: 'Response cannot be read' },
  HW_ERR_LOGS_NO_INPUT: { status: 400, exit: 2, title: 'No log file given' },
  HW_ERR_LOGS_FILE_NOT_FOUND: { status: 400, exit: 2, title: 'Log file not found' },
  HW_ERR_LOGS_FILE_UNREADABLE: { status: 400, exit: 2, title: 'Log file cannot be read' },
  HW_ERR_LOGS_UNKNOWN_FORMAT: { status: 400, exit: 2, title: 'Unknown log format' },
  HW_ERR_LOGS_BAD_LOG_FORMAT: { status: 400, exit: 2, title: 'Log format string cannot be parsed' },
  HW_ERR_LOGS_FORMAT_MISMATCH: { status: 400, exit: 2, title: 'Log format matches no line of the file' },
  HW_ERR_LOGS_BAD_OPTION: { status: 400, exit: 2, title: 'Invalid option for logs' },
  HW_ERR_LOGS_OUTPUT_UNWRITABLE: { status: 400, exit: 2, title: 'Report file cannot be written' },
  HW_ERR_METRICS_BAD_ADDRESS: { status: 400, exit: 2, title: 'Metrics address cannot be used' },
  HW_ERR_METRICS_FILE_UNWRITABLE: { status: 400, exit: 2, title: 'Metrics file cannot be written' },
  HW_ERR_CHECK_BAD_URL: { status: 400, exit: 2, title: 'URL cannot be checked' },
  HW_ERR_CHECK_SSRF_BLOCKED: { status: 403, exit: 2, title: 'Address not allowed' },
  HW_ERR_CHECK_BAD_OPTION: { status: 400, exit: 2, title: 'Invalid option for check' },
  HW_ERR_CHECK_NO_INPUT: { status: 400, exit: 2, title: 'No URL to check' },
  HW_ERR_LAB_BAD_STATUS: { status: 400, exit: 2, title: 'Status not available in the lab' },
  HW_ERR_LAB_BAD_PARAMETER: { status: 400, exit: 2, title: 'Invalid lab parameter' },
  HW_ERR_LAB_BUSY: { status: 503, exit: 1, title: 'Lab busy' },
  HW_ERR_LAB_PROXY_MISSING: { status: 400, exit: 2, title: 'Proxy not installed' },
  HW_ERR_CLICKHOUSE_BAD_OPTION: { status: 400, exit: 2, title: 'Invalid option for ClickHouse' },
  HW_ERR_CLICKHOUSE_BAD_URL: { status: 400, exit: 2, title: 'ClickHouse URL cannot be used' },
  HW_ERR_CLICKHOUSE_AUTH: { status: 401, exit: 2, title: 'ClickHouse refused the credentials' },
  HW_ERR_CLICKHOUSE_ENGINE_MISSING: { status: 400, exit: 2, title: 'chDB is not installed' },
  HW_ERR_CLICKHOUSE_UNAVAILABLE: { status: 503, exit: 1, title: 'ClickHouse did not answer' },
  HW_ERR_CLICKHOUSE_QUERY_FAILED: { status: 502, exit: 1, title: 'ClickHouse query failed' },
} as const satisfies Record<string, ErrorSpec>;

/** A stable error code of {@link ERROR_CATALOGUE}, such as `HW_ERR_CODES_UNKNOWN_CODE`. */
export type ErrorCode = keyof typeof ERROR_CATALOGUE;

/** The one error class of httpwhy: a stable `code`, an exit code for the CLI and an HTTP status for the API. */
export class HttpwhyError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly exitCode: 1 | 2;
  /** Extra facts for the user (e.g. suggestions), serialised into JSON output. */
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'HttpwhyError';
    this.code = code;
    this.status = ERROR_CATALOGUE[code].status;
    this.exitCode = ERROR_CATALOGUE[code].exit;
    this.details = details;
  }

  toJSON(): { code: ErrorCode; message: string; details?: Record<string, unknown> } {
    return this.details ? { code: this.code, message: this.message, details: this.details } : { code: this.code, message: this.message };
  }
}

/** True for an {@link HttpwhyError} (also across module copies). */
export function isHttpwhyError(value: unknown): value is HttpwhyError {
  return value instanceof HttpwhyError;
}

/** RFC 9457 problem details for an error: what the API and the lab send as application/problem+json. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  code: ErrorCode;
  requestId: string;
  [extra: string]: unknown;
}

export function problemDetails(error: HttpwhyError, instance: string, requestId: string): ProblemDetails {
  // Details first: they add facts (suggestions, issues) but never override the fixed members.
  return {
    ...error.details,
    type: `/api#${error.code}`,
    title: ERROR_CATALOGUE[error.code].title,
    status: error.status,
    detail: error.message,
    instance,
    code: error.code,
    requestId,
  };
}
