/**
 * kubectl's (client-go's) line for an error status: "Error from server (Reason): message", the Kubernetes API's
 * reason for the status and the Status message the API server sent.
 */

/** Kubernetes API reasons with the one status client-go gives each (apimachinery `NewGenericServerResponse`). */
const KUBERNETES_REASONS: Record<string, number> = {
  BadRequest: 400,
  Unauthorized: 401,
  Forbidden: 403,
  NotFound: 404,
  MethodNotAllowed: 405,
  NotAcceptable: 406,
  Conflict: 409,
  AlreadyExists: 409,
  RequestEntityTooLarge: 413,
  UnsupportedMediaType: 415,
  Invalid: 422,
  TooManyRequests: 429,
  Gone: 410,
  Expired: 410,
  InternalError: 500,
  // apimachinery's NewServerTimeout answers 500 with this reason; Timeout (NewTimeoutError) is the 504.
  ServerTimeout: 500,
  ServiceUnavailable: 503,
  Timeout: 504,
};

/** kubectl's "Error from server (Reason): message". */
const KUBECTL = /\bError from server \((\w+)\): /;

/** The status kubectl's line names, its reason and the server's message after it, or null. */
export function kubectlError(text: string): { status: number; reason: string; message: string } | null {
  const kube = KUBECTL.exec(text);
  const status = kube ? KUBERNETES_REASONS[kube[1] ?? ''] : undefined;
  if (status === undefined || !kube) return null;
  // kubectl prints the Status message the API server sent after the reason: the body's own words.
  const message = text.slice(kube.index + kube[0].length).trim();
  // client-go's words for a 5xx whose body was no Status (NewGenericServerResponse): any 5xx it has no reason for
  // (500, 502, 501…), so the reason says no status.
  if (kube[1] === 'InternalError' && message.startsWith('an error on the server (')) return null;
  return { status, reason: kube[1] as string, message };
}
