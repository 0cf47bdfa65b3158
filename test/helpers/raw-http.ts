/** The lab's raw HTTP/1.1 client (src/lab/client/raw-http.ts), with the User-Agent the test suites send. */
import { rawRequest as labRawRequest, type RawExchange, type RawRequestOptions } from '../../src/lab/index.ts';

export { splitResponse, type RawExchange, type SplitResponse } from '../../src/lab/index.ts';
export { headerValue } from '../../src/diagnose/index.ts';

export const rawRequest = (options: Omit<RawRequestOptions, 'userAgent'>): Promise<RawExchange> => labRawRequest({ ...options, userAgent: 'httpwhy-test' });
